/**
 * The guest layer's seams. Everything a guest needs from the rest of the lab (the instance's record,
 * the virtual network, IAM credentials, the `aws` CLI, stopping itself) is injected through these
 * interfaces by the composition root (engine/terminals.ts), so guest/ never imports services or cli.
 */
import type { Duplex } from 'node:stream';
import type { Clock } from '../clock/clock';
import type { Store } from '../store/store';
import type { CommandOutput, ShellCommand } from './shell';
import type { GuestCatalog } from './catalog';
import type { FsBackend } from './fs/backend';

export interface InstanceHardware {
  instanceType: string;
  vCpus: number;
  memoryMiB: number;
  processor: string;
  clockGhz: number;
}

export interface GuestInterface {
  device: string; // eth0
  mac: string;
  privateIp: string;
  publicIp?: string;
  subnetCidr: string;
  vpcCidr?: string;
  privateDns: string;
  publicDns?: string;
  subnetId?: string;
  vpcId?: string;
  securityGroups?: { id: string; name: string }[];
  interfaceId?: string;
}

export interface GuestVolume {
  /** As attached: /dev/xvda, /dev/sdf (shown as /dev/xvdf inside the guest), /dev/xvdb (instance store). */
  device: string;
  dataId: string;
  sizeBytes: number;
  kind: 'ebs' | 'instance-store';
  volumeType?: string;
  volumeId?: string;
  root?: boolean;
  iops?: number;
}

export interface GuestIdentity {
  kind: 'instance' | 'workstation';
  /** Instance id, or 'workstation'. */
  id: string;
  accountId: string;
  region: string;
  availabilityZone: string;
  /** OS image key: amzn-2017.09, ubuntu-16.04, workstation... */
  imageKey: string;
  imageId?: string;
  defaultUser: string;
  hardware: InstanceHardware;
  interfaces: GuestInterface[];
  volumes: GuestVolume[];
  keyName?: string;
  /** The key pair's public key, OpenSSH one-line form. */
  publicKey?: string;
  /** Decoded user data. */
  userData?: string;
  /** Role name of the instance profile, when there is one. */
  iamRole?: string;
  instanceProfileArn?: string;
  launchTime: number;
  amiLaunchIndex?: number;
  reservationId?: string;
}

/** Where a connection from a guest ended up. */
export type NetTarget =
  | { kind: 'guest'; guestId: string; address: string }
  | { kind: 'metadata' }
  | { kind: 'site'; host: string }
  | { kind: 'self' }
  /** A load balancer's node: it answers HTTP itself (its rules, then a target's web server). */
  | { kind: 'proxy'; serve(req: HttpRequestIn): Promise<HttpResponseOut> }
  /**
   * A service's data plane behind a network interface (a Redis node, a database): a raw byte
   * stream, opened once the network model let the connection through. `source` is the guest's address.
   */
  | { kind: 'stream'; service: string; open(source: { ip: string; port?: number }): Promise<Duplex> };

export type ConnectResult =
  | { ok: true; target: NetTarget }
  | {
      ok: false;
      /** timeout: dropped by a security group / NACL / missing route (the client waits, then gives up);
       *  refused: the host answers but nothing listens; unresolved: no such name. */
      failure: 'timeout' | 'refused' | 'unreachable' | 'unresolved';
      /** Which rule blocked it, in words (for the lab's hint line and the console). */
      reason?: { code: string; message: string };
    };

export interface GuestNetwork {
  /** Name → address in the virtual network (EC2 DNS names, the metadata service, known sites). */
  resolve(from: GuestLike, name: string): string | undefined;
  /** Checks routes, gateways, NACLs and security groups from `from` to `address`. */
  connect(from: GuestLike, address: string, protocol: 'tcp' | 'udp' | 'icmp', port: number): ConnectResult;
  /** The guest behind an address, to hand it an HTTP request or an ssh login. */
  guest(id: string): GuestLike | undefined;
}

/** The part of a guest other guests talk to. */
export interface GuestLike {
  readonly identity: GuestIdentity;
  readonly state: 'running' | 'stopped';
  /** The address this guest connects from (its first private IP; the workstation's own address). */
  sourceAddress(): string;
  /** Answers an HTTP request if a web server listens on the port. */
  serveHttp(req: HttpRequestIn): Promise<HttpResponseOut | undefined>;
  /** Whether a service listens on the port (nc -z, connection refused vs. open). */
  listens(port: number): boolean;
}

export interface HttpRequestIn {
  method: string;
  path: string;
  host: string;
  port: number;
  headers: Record<string, string>;
  body?: string;
  sourceIp: string;
}

export interface HttpResponseOut {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export interface RoleCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  Token: string;
  Expiration: string;
  LastUpdated: string;
}

/** Why a connection was blocked, pushed to the console (terminal.blocked). */
export interface BlockedConnection {
  from: string;
  to: string;
  protocol: string;
  port: number;
  code: string;
  message: string;
}

export interface GuestHost {
  store: Store;
  clock: Clock;
  catalog: GuestCatalog;
  net: GuestNetwork;
  /** The book's repository once `nimbus import-book-code` ran (git clone, the book's URLs). */
  bookCode?: { files(): Map<string, Uint8Array> | undefined };
  /** Temporary credentials of the instance's role (IMDS); undefined without a role. */
  roleCredentials?(identity: GuestIdentity): RoleCredentials | undefined;
  /** shutdown/halt/poweroff: the instance stops (or terminates, per its shutdown behaviour). */
  shutdown?(identity: GuestIdentity): void;
  /** Appends to the instance's system log (GetConsoleOutput). */
  consoleOutput?(identity: GuestIdentity, text: string): void;
  /** The `aws` command for a shell on this guest. */
  awsCommand?(guest: GuestLike, session: SessionInfo): ShellCommand;
  /** Simulated sleep: resolves after `ms` of simulated time, or when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * A network client giving up after `ms` (ssh's and curl's connect timeouts): the learner should
   * not sit through two minutes, so the host fast-forwards (a short pause stands for the wait).
   */
  waitTimeout(ms: number, signal?: AbortSignal): Promise<void>;
  /** The lab's offline internet: a few well-known sites (example.com, api.ipify.org...). */
  internet?(req: HttpRequestIn & { scheme: string }): HttpResponseOut | undefined;
  /** A connection was blocked by the network; the console may explain it. */
  onBlocked?(e: BlockedConnection): void;
  /** Reads a key file's bytes on the workstation is internal; this resolves key pairs for ssh. */
  keyPairPublicKey?(accountId: string, region: string, keyName: string): string | undefined;
  /**
   * Programs the composition root provides (CloudFormation's helper scripts), for a shell on this
   * guest. They exist in a guest only where a package puts their executables on disk (`programs`
   * in packages.json, e.g. /opt/aws/bin/cfn-init); running such a file runs the program.
   */
  programs?(guest: GuestLike, session: SessionInfo, io: ProgramIo): ShellCommand[];
  /**
   * The NFS server at an address the guest reached on tcp/2049 (an EFS mount target): the export
   * at `path` with the mount's options, or mount.nfs4's words for why not; undefined when no NFS
   * server lives there.
   */
  nfs?(guest: GuestLike, address: string, path: string, options: string, mounted: () => boolean): NfsExport | string | undefined;
}

/** A mounted NFS export: its files (shared live with every other client) and what df shows. */
export interface NfsExport {
  backend: FsBackend;
  capacityBytes: number;
}

/** What a provided program may do from inside its guest, through the guest's own network. */
export interface ProgramIo {
  /** An HTTP request as curl would make it (routes, security groups, the offline internet). */
  http(url: string, opts?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }): Promise<ProgramHttpResult>;
  /** Whether a TCP connection to host:port gets through (an API endpoint); a dropped one waits for the timeout first. */
  connect(host: string, port: number, signal?: AbortSignal): Promise<{ ok: true } | { ok: false; message: string }>;
}

export type ProgramHttpResult = { ok: true; status: number; statusText: string; body: string } | { ok: false; message: string };

/** What a command may know about the session it runs in. */
export interface SessionInfo {
  user(): string;
  cwd(): string;
  env(): ReadonlyMap<string, string>;
  /** The terminal while a typed line runs (aws configure's prompts, streaming output). */
  terminal(): TerminalIo | undefined;
  /** The filesystem as the session's user sees it (the aws CLI reads ~/.aws and writes downloads). */
  files(): GuestFsLike;
}

/** What the composition root may do with a guest's files (GuestFs, without importing it). */
export interface GuestFsLike {
  readSync(path: string): Uint8Array;
  writeSync(path: string, data: Uint8Array, append: boolean, mode?: number): void;
  statSync(path: string): { isFile: boolean; isDirectory: boolean; size: number; mtime: Date };
  listSync(path: string): string[];
  mkdirSync(path: string, recursive: boolean, mode?: number): void;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
  chownSync(path: string, uid: number | undefined, gid: number | undefined): void;
}

/** The terminal, as a running command sees it (undefined for cloud-init, cron, ssh remote commands). */
export interface TerminalIo {
  /** Output may go straight to the screen (the line is a single command with no pipes or redirects). */
  readonly streaming: boolean;
  /** A person is typing (host-key prompts, passwords); false when commands come from a pipe. */
  readonly interactive: boolean;
  readonly columns: number;
  readonly rows: number;
  write(text: string): void;
  /** Reads a line typed by the learner (password prompts hide it). null on Ctrl-C or Ctrl-D. */
  readLine(prompt: string, opts?: { secret?: boolean }): Promise<string | null>;
  /** Reads one key (top's q). null on Ctrl-C. */
  readKey(): Promise<string | null>;
  /** Hands the terminal to a nested session (ssh, sudo -s) until it exits. */
  attach(program: InteractiveProgram): Promise<number>;
  /** A connection was blocked: the terminal may print a hint line. */
  blocked?(e: BlockedConnection): void;
}

export interface InteractiveProgram {
  /** Printed once when the program takes the terminal (ssh's banner, MOTD). */
  banner?(): string;
  prompt(): string;
  run(line: string, io: TerminalIo, signal: AbortSignal): Promise<{ output: CommandOutput; exit: boolean }>;
  complete?(line: string): Promise<string[]>;
  /** The text typed so far is not a whole command yet (open quote, heredoc, trailing | or \\): ask for more with PS2. */
  needsMore?(text: string): boolean;
  /** The prompt while more is asked for (mysql's `    -> `); bash's PS2 `> ` when absent. */
  continuationPrompt?(): string;
  /** Printed when the program ends ("logout\nConnection to … closed."). */
  farewell?(): string;
  /** Exit status handed back to attach() when the program ends. */
  exitStatus(): number;
  /** The program is gone under the terminal (its machine stopped): the terminal drops it. */
  closed?(): boolean;
}
