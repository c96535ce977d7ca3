/**
 * The composition of guests and terminals (rank 6): one guest per running EC2 instance plus the
 * learner's workstation, wired to EC2's lifecycle (boot on running, power off on stop), its volume
 * data (snapshots copy files), the network model, IAM role credentials for the metadata service,
 * the `aws` CLI and StopInstances for `shutdown`. Terminals are opened here and outlive the
 * connection that opened them (a renderer can attach again after a reload).
 */
import type { Clock } from './clock/clock';
import type { Store } from './store/store';
import type { Call, Principal } from './protocol/types';
import { AwsError } from './protocol/errors';
import { Guest } from './guest/machine';
import { bootConsoleLog, bootGuest, finishBoot, startGuest } from './guest/boot';
import { loadGuestCatalog, imageFor } from './guest/catalog';
import { baseCommandNames } from './guest/commands/registry';
import { GuestShell } from './guest/session';
import { Terminal } from './guest/terminal';
import { copyVolumeData, eraseVolume } from './guest/fs/volume';
import type { BlockedConnection, GuestHost, GuestIdentity } from './guest/types';
import { WORKSTATION_IP } from './network/index';
import { internalCtx, onInstanceStateChange, onVolumeDataCopy, onVolumeDataRelease } from './services/ec2/state/instance-lifecycle';
import { appendConsoleOutput, findInstance } from './services/ec2/state/instances';
import { issueInstanceProfileCredentials } from './services/sts/index';
import { instanceIdentity } from './terminals/identity';
import { createGuestNetwork, loadOfflineInternet } from './terminals/network';
import { awsCommand } from './terminals/aws';
import { cfnCommands, waitConditionSite } from './terminals/cfn';
import { servicePrincipal } from './core/account';
import { join } from 'node:path';
import { bookCodeFromDir } from './guest/commands/git/book-source';
import { BOOK_HOSTS, bookCodeSite } from './guest/commands/git/book-site';
import { providers as serviceManifests } from './services/registry';
import { createLoadBalancerDataPlane } from './services/elasticloadbalancingv2/index';
import { setLambdaInternet } from './services/lambda/index';
import { httpRequest } from './guest/net-client';
import { nfsExport } from './services/elasticfilesystem/index';

export type TerminalEvent =
  | { type: 'output'; terminalId: string; data: string }
  | { type: 'idle'; terminalId: string; exitCode: number; reading: boolean }
  | { type: 'exit'; terminalId: string; exitCode: number }
  | { type: 'blocked'; terminalId: string; connection: BlockedConnection };

export interface OpenTerminalOptions {
  /** 'workstation' or an instance id. */
  target: string;
  mode?: 'interactive' | 'batch';
  cols?: number;
  rows?: number;
  /** Instances: who logs in (default: the AMI's default user). */
  user?: string;
  region?: string;
}

export interface TerminalInfo {
  terminalId: string;
  target: string;
  title: string;
  mode: 'interactive' | 'batch';
}

export interface TerminalManager {
  open(opts: OpenTerminalOptions): Promise<TerminalInfo>;
  attach(terminalId: string): TerminalInfo & { scrollback: string; closed: boolean };
  input(terminalId: string, data: string): void;
  resize(terminalId: string, cols: number, rows: number): void;
  close(terminalId: string): void;
  list(): TerminalInfo[];
  onEvent(listener: (e: TerminalEvent) => void): () => void;
  /** A file downloaded from the console (a key pair's .pem) lands in the learner's home. Returns its path. */
  saveToWorkstationHome(fileName: string, content: string | Uint8Array, mode?: number): Promise<string>;
  /** The guest of a running instance once booted (tests, the console). */
  guest(instanceId: string): Promise<Guest | undefined>;
  workstation(): Promise<Guest>;
  /** Attachments and addresses changed (an EC2 call): running guests re-read their instance. */
  refresh(accountId: string, region: string): void;
  dispose(): void;
}

export interface TerminalDeps {
  store: Store;
  clock: Clock;
  call: Call;
  resourcesDir: string;
  accountId: string;
  defaultRegion: string;
  servicePrincipal(service: string): Principal;
  lookupAccessKey(accessKeyId: string): { secretAccessKey: string; principal: Principal } | undefined;
  /** The lab's data folder: the imported book code lives in DATA/book-code. */
  dataDir?: string;
}

const WORKSTATION_USER = 'learner';
const REFRESH_OPS = /^(Attach|Detach|Associate|Disassociate|Assign|Unassign|Modify|Replace)/;

export function createTerminals(deps: TerminalDeps): TerminalManager {
  const { store, clock } = deps;
  const catalog = loadGuestCatalog(deps.resourcesDir);
  // The book's code where the book says it is (the public bucket, raw GitHub, git clone), once imported.
  const bookCode = deps.dataDir ? bookCodeFromDir(join(deps.dataDir, 'book-code')) : undefined;
  const offline = loadOfflineInternet(deps.resourcesDir);
  const bookIps = new Set(Object.values(BOOK_HOSTS));
  const internet: typeof offline = {
    resolve: (name) => BOOK_HOSTS[name.toLowerCase()] ?? offline.resolve(name),
    isSite: (ip) => bookIps.has(ip) || offline.isSite(ip),
    serve: (req) => bookCodeSite(bookCode, req) ?? offline.serve(req),
  };
  const guests = new Map<string, Guest>();
  const booting = new Map<string, Promise<Guest | undefined>>();
  const terminals = new Map<string, { term: Terminal; info: TerminalInfo; shell: GuestShell }>();
  const listeners = new Set<(e: TerminalEvent) => void>();
  const emit = (e: TerminalEvent): void => {
    for (const l of listeners) l(e);
  };
  let seq = 0;

  const ctxFor = (accountId: string, region: string) => internalCtx({ store, clock }, accountId, region);

  /** Simulated time passes; with a stopped clock (tests), waits are instant. */
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      if (clock.warp <= 0 || ms <= 0 || signal?.aborted) return resolve();
      // The abort listener goes once the wait is over: a long command sleeps many times on one signal.
      const onAbort = (): void => {
        cancel();
        resolve();
      };
      const cancel = clock.at(clock.now() + ms, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  const waitHandles = waitConditionSite(store);
  const host: GuestHost = {
    store,
    clock,
    catalog,
    net: createGuestNetwork({
      store,
      clock,
      internet,
      guest: (id) => guestSync(id),
      workstationIp: WORKSTATION_IP,
      services: serviceManifests.flatMap((p) => (p.network ? [p.network] : [])),
      // Load balancers forward to their targets' web servers (booting a lazily started guest).
      loadBalancers: createLoadBalancerDataPlane({ store, clock, http: async (_account, _region, id, req) => guestSync(id)?.serveHttp(req) }),
    }),
    sleep,
    // Clients giving up on a dropped connection: a short pause stands for the real timeout.
    waitTimeout: (ms, signal) => sleep(Math.min(ms, 1500 * Math.max(1, clock.warp)), signal),
    internet: (req) => waitHandles(req) ?? internet.serve(req),
    bookCode,
    roleCredentials: (id) => {
      if (!id.instanceProfileArn) return undefined;
      const c = issueInstanceProfileCredentials(store, clock, { accountId: id.accountId, instanceProfileArn: id.instanceProfileArn, instanceId: id.id });
      return c ? { AccessKeyId: c.AccessKeyId, SecretAccessKey: c.SecretAccessKey, Token: c.Token, Expiration: c.Expiration, LastUpdated: new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') } : undefined;
    },
    consoleOutput: (id, text) => {
      try {
        store.tx(() => appendConsoleOutput(ctxFor(id.accountId, id.region), id.id, text));
      } catch (e) {
        console.error('[nimbus] console output', e);
      }
    },
    shutdown: (id) => {
      const row = findInstance(ctxFor(id.accountId, id.region), id.id);
      const op = row?.shutdown_behavior === 'terminate' ? 'TerminateInstances' : 'StopInstances';
      void deps.call(deps.servicePrincipal('ec2'), 'ec2', op, { InstanceIds: [id.id] }, { region: id.region, source: 'guest' }).catch((e: unknown) => {
        console.error('[nimbus] guest shutdown', e);
      });
    },
    awsCommand: (guest, session) =>
      awsCommand(
        {
          call: deps.call,
          resolveCredentials: (akid) => deps.lookupAccessKey(akid),
          now: () => clock.now(),
          sleep: (ms, signal) => sleep(ms, signal),
          instanceCredentials: (g) => {
            const c = host.roleCredentials?.(g.identity);
            return c ? { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.Token } : undefined;
          },
        },
        guest,
        session,
      ),
    programs: (guest, session, io) =>
      cfnCommands(
        {
          call: deps.call,
          // CloudFormation vouches for its stacks' instances (the helpers' signature without credentials).
          trusted: (accountId) => servicePrincipal(accountId, 'cloudformation'),
          lookupAccessKey: (akid) => deps.lookupAccessKey(akid),
          roleCredentials: (id) => host.roleCredentials?.(id),
        },
        guest,
        session,
        io,
      ),
    onBlocked: () => {},
    // EFS mount targets serve NFS to the guests that reach them.
    nfs: (g, address, path, options, mounted) => nfsExport(g.identity, address, path, options, mounted),
  };

  const makeGuest = (identity: GuestIdentity): Guest => new Guest(host, identity, baseCommandNames(imageFor(catalog, identity.imageKey)));

  // ── the workstation ─────────────────────────────────────────────────────────────────────────
  let workstation: Promise<Guest> | undefined;
  const getWorkstation = (): Promise<Guest> =>
    (workstation ??= (async () => {
      const identity: GuestIdentity = {
        kind: 'workstation',
        id: 'workstation',
        accountId: deps.accountId,
        region: deps.defaultRegion,
        availabilityZone: 'local',
        imageKey: 'workstation',
        defaultUser: WORKSTATION_USER,
        hardware: { instanceType: 'workstation', vCpus: 4, memoryMiB: 16384, processor: 'Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz', clockGhz: 1.9 },
        interfaces: [{ device: 'eth0', mac: '52:54:00:12:34:56', privateIp: WORKSTATION_IP, subnetCidr: `${WORKSTATION_IP}/24`, privateDns: 'workstation' }],
        volumes: [{ device: '/dev/sda', dataId: 'workstation', sizeBytes: 256 * 2 ** 30, kind: 'ebs', root: true }],
        launchTime: clock.now(),
      };
      const g = makeGuest(identity);
      await bootGuest(g);
      return g;
    })());

  // Lambda functions' HTTP requests reach the lab's network from the internet side, as the workstation's do.
  setLambdaInternet(async (req) => {
    const out = await httpRequest(await getWorkstation(), `${req.scheme}://${req.host}${req.path}`, { method: req.method, headers: req.headers, ...(req.body ? { body: req.body } : {}), connectTimeoutMs: 5000 });
    return out.ok ? out.res : { error: out.message, code: out.code === 6 ? 'ENOTFOUND' : out.code === 7 ? 'ECONNREFUSED' : 'ETIMEDOUT' };
  });

  // ── instances ───────────────────────────────────────────────────────────────────────────────
  // Guests boot lazily: an instance without user data comes up when something first reaches it (a
  // terminal, ssh, curl), so thousands of idle instances cost nothing. User data runs at once.
  const pendingBoot = new Map<string, { accountId: string; region: string }>();

  /** A Guest object for the instance (not booted), with its record read now. */
  function guestObject(instanceId: string, where: { accountId: string; region: string }): Guest | undefined {
    // Read the instance now: volumes or addresses may have changed since it entered running.
    const identity = instanceIdentity(ctxFor(where.accountId, where.region), instanceId);
    if (!identity) return undefined;
    const g = guests.get(instanceId) ?? makeGuest(identity);
    g.identity = identity;
    guests.set(instanceId, g);
    return g;
  }

  /** The running guest of an instance, booting it now if it is waiting for its first use. */
  function guestSync(instanceId: string): Guest | undefined {
    const existing = guests.get(instanceId);
    if (existing?.state === 'running') return existing;
    const where = pendingBoot.get(instanceId);
    if (!where) return undefined;
    pendingBoot.delete(instanceId);
    const guest = guestObject(instanceId, where);
    if (!guest) return undefined;
    const first = startGuest(guest);
    void finishBoot(guest, first).catch((e: unknown) => console.error(`[nimbus] boot of ${instanceId} failed`, e));
    return guest;
  }

  /**
   * After an instance enters running (out of EC2's transaction): its serial console shows the boot
   * (first boot only; like on AWS it appears a moment later), and user data runs at once.
   */
  function afterRunning(instanceId: string, where: { accountId: string; region: string }): void {
    if (!pendingBoot.has(instanceId) && guests.get(instanceId)?.state !== 'running') return;
    const g = guests.get(instanceId)?.state === 'running' ? guests.get(instanceId)! : guestObject(instanceId, where);
    if (!g) return;
    if (previousBoots(instanceId) === 0) {
      try {
        store.tx(() => appendConsoleOutput(ctxFor(where.accountId, where.region), instanceId, bootConsoleLog(g)));
      } catch (e) {
        console.error('[nimbus] console output', e);
      }
    }
    if (g.identity.userData && pendingBoot.has(instanceId)) {
      const p = new Promise<Guest | undefined>((resolve) => {
        const booted = guestSync(instanceId);
        resolve(booted);
      });
      booting.set(instanceId, p);
      void p.finally(() => {
        if (booting.get(instanceId) === p) booting.delete(instanceId);
      });
    }
  }

  const unsubscribe = [
    onInstanceStateChange((change) => {
      if (change.ctx.store !== store) return;
      const id = change.instanceId;
      if (change.current === 'running') {
        const where = { accountId: change.ctx.accountId, region: change.ctx.region };
        pendingBoot.set(id, where);
        setImmediate(() => {
          // The engine may have closed in between (a solver finishing right after a launch).
          if (store.db.open) afterRunning(id, where);
        });
      } else if (change.current === 'stopping' || change.current === 'shutting-down' || change.current === 'stopped' || change.current === 'terminated') {
        pendingBoot.delete(id);
        const g = guests.get(id);
        if (g && g.state === 'running') {
          g.powerOff();
          // Sessions on it end: ssh says the remote host closed the connection.
          setImmediate(() => {
            for (const t of terminals.values()) t.term.refresh();
          });
        }
        if (change.current === 'terminated') guests.delete(id);
      }
    }),
    onVolumeDataCopy((copy) => {
      if (copy.ctx.store !== store) return;
      // An AMI's root disk is seeded when the instance first boots; other copies carry files.
      if (!copy.fromDataId.startsWith('image:')) copyVolumeData(store, copy.fromDataId, copy.toDataId, clock.now());
    }),
    onVolumeDataRelease((e) => {
      if (e.ctx.store !== store) return;
      eraseVolume(store, e.dataId);
    }),
  ];

  /** Whether the instance's console already shows a boot (EC2 writes its own kernel log; so do earlier boots). */
  function previousBoots(instanceId: string): number {
    const row = store.stmt('SELECT console_output FROM ec2_instances WHERE instance_id = ?').get(instanceId) as { console_output: string } | undefined;
    return row && row.console_output.includes('Linux version') ? 1 : 0;
  }

  /** Attachments and addresses change while instances run: refresh what running guests see. */
  function refresh(accountId: string, region: string): void {
    const ctx = ctxFor(accountId, region);
    for (const g of guests.values()) {
      if (g.state !== 'running' || g.identity.accountId !== accountId || g.identity.region !== region) continue;
      const next = instanceIdentity(ctx, g.identity.id);
      if (!next) continue;
      g.identity = next;
      // A volume detached under a mount (a forced detach): the mount goes with it.
      for (const m of g.rootFs.listMounts()) {
        if (m.point !== '/' && /^\/dev\/(xvd|sd)/.test(m.source) && g.volumeByDevice(m.source) === undefined) g.rootFs.unmount(m.point);
      }
    }
  }

  // Instances already running when the lab starts come back up (no first boot again).
  setImmediate(() => {
    try {
      const rows = store.stmt("SELECT account_id, region, instance_id FROM ec2_instances WHERE state = 'running'").all() as { account_id: string; region: string; instance_id: string }[];
      for (const r of rows) pendingBoot.set(r.instance_id, { accountId: r.account_id, region: r.region });
    } catch {
      // No EC2 tables (an engine without EC2).
    }
  });

  async function guestOf(instanceId: string): Promise<Guest | undefined> {
    const pending = booting.get(instanceId);
    if (pending) return pending;
    return guestSync(instanceId);
  }

  function terminalOf(id: string): { term: Terminal; info: TerminalInfo; shell: GuestShell } {
    const t = terminals.get(id);
    if (!t) throw new AwsError('TerminalNotFound', `The terminal '${id}' does not exist (it was closed).`, 404);
    return t;
  }

  return {
    async open(opts) {
      const mode = opts.mode ?? 'interactive';
      let guest: Guest;
      let userName: string;
      if (opts.target === 'workstation') {
        guest = await getWorkstation();
        userName = WORKSTATION_USER;
      } else {
        // Instance ids are unique across regions: find the instance wherever it runs.
        const where = store.stmt('SELECT region FROM ec2_instances WHERE instance_id = ? AND account_id = ?').get(opts.target, deps.accountId) as { region: string } | undefined;
        const row = where ? findInstance(ctxFor(deps.accountId, opts.region ?? where.region), opts.target) : undefined;
        if (!row) throw new AwsError('InvalidInstanceID.NotFound', `The instance ID '${opts.target}' does not exist`, 400);
        const g = await guestOf(opts.target);
        if (!g || row.state !== 'running') throw new AwsError('IncorrectInstanceState', `The instance '${opts.target}' is not running (it is ${row.state}); a shell needs a running instance.`, 400);
        guest = g;
        userName = opts.user ?? g.identity.defaultUser;
      }
      const user = guest.user(userName);
      if (!user) throw new AwsError('InvalidParameterValue', `There is no user '${userName}' on ${opts.target}.`, 400);
      const terminalId = `term-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
      const shell = new GuestShell(guest, user, { login: opts.target !== 'workstation' && mode === 'interactive' });
      const title = `${user.name}@${shell.hostname()}`;
      const info: TerminalInfo = { terminalId, target: opts.target, title, mode };
      const term = new Terminal({
        program: shell,
        mode,
        ...(opts.cols ? { cols: opts.cols } : {}),
        ...(opts.rows ? { rows: opts.rows } : {}),
        onOutput: (data) => emit({ type: 'output', terminalId, data }),
        onIdle: (exitCode, reading) => emit({ type: 'idle', terminalId, exitCode, reading: !!reading }),
        onExit: (exitCode) => {
          emit({ type: 'exit', terminalId, exitCode });
          shell.close();
          terminals.delete(terminalId);
        },
        onBlocked: (connection) => emit({ type: 'blocked', terminalId, connection }),
      });
      terminals.set(terminalId, { term, info, shell });
      return info;
    },
    attach(terminalId) {
      const t = terminalOf(terminalId);
      return { ...t.info, scrollback: t.term.scrollback, closed: t.term.isClosed };
    },
    input(terminalId, data) {
      terminalOf(terminalId).term.input(data);
    },
    resize(terminalId, cols, rows) {
      terminalOf(terminalId).term.resize(cols, rows);
    },
    close(terminalId) {
      const t = terminals.get(terminalId);
      if (!t) return;
      t.term.close();
      t.shell.close();
      terminals.delete(terminalId);
      emit({ type: 'exit', terminalId, exitCode: t.term.exitCode });
    },
    list: () => [...terminals.values()].map((t) => t.info),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async saveToWorkstationHome(fileName, content, mode = 0o644) {
      const g = await getWorkstation();
      const safe = fileName.replace(/[/\\\0]/g, '_').replace(/^\.+$/, '_');
      const path = `/home/${WORKSTATION_USER}/${safe}`;
      const user = g.user(WORKSTATION_USER)!;
      g.rootFs.writeSync(path, typeof content === 'string' ? new TextEncoder().encode(content) : content, false, mode);
      await g.rootFs.chmod(path, mode);
      g.rootFs.chownSync(path, user.uid, user.gid);
      return path;
    },
    guest: guestOf,
    workstation: getWorkstation,
    dispose() {
      for (const u of unsubscribe) u();
      for (const t of terminals.values()) t.term.close();
      terminals.clear();
      for (const g of guests.values()) g.powerOff();
    },
    refresh,
  };
}

/** After an EC2 call that may change what a running instance sees (attachments, addresses). */
export function refreshAfterCall(manager: TerminalManager, e: { service: string; operation: string; accountId: string; region: string; errorCode?: string }): void {
  if (e.service !== 'ec2' || e.errorCode || !REFRESH_OPS.test(e.operation)) return;
  manager.refresh(e.accountId, e.region);
}
