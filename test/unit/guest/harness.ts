/**
 * A small world for guest tests: a store with the guest tables, a manual clock, the offline catalog,
 * a network stub (a table of reachability decisions, like a neighbour's stub), the workstation and
 * instances built from fake instance records.
 */
import { generateKeyPairSync } from 'node:crypto';
import { openStore, type Store } from '../../../src-main/engine/store/store';
import { createClock, type Clock } from '../../../src-main/engine/clock/clock';
import { guestMigrations } from '../../../src-main/engine/guest/migrations';
import { loadGuestCatalog } from '../../../src-main/engine/guest/catalog';
import { Guest } from '../../../src-main/engine/guest/machine';
import { bootGuest } from '../../../src-main/engine/guest/boot';
import { baseCommandNames } from '../../../src-main/engine/guest/commands/registry';
import { imageFor } from '../../../src-main/engine/guest/catalog';
import { GuestShell } from '../../../src-main/engine/guest/session';
import { Terminal } from '../../../src-main/engine/guest/terminal';
import { publicKeyOf } from '../../../src-main/engine/guest/ssh-keys';
import type { ConnectResult, GuestHost, GuestIdentity, GuestLike, GuestNetwork } from '../../../src-main/engine/guest/types';

export const WORKSTATION_IP = '203.0.113.10';

export interface World {
  store: Store;
  clock: Clock;
  host: GuestHost;
  guests: Map<string, Guest>;
  /** Decide a connection: default allows everything. */
  rules: ((from: GuestLike, to: string, protocol: string, port: number) => ConnectResult | undefined)[];
  consoleLog: Map<string, string>;
  stopped: string[];
  key: { privatePem: string; publicKey: string };
}

export function createWorld(): World {
  const store = openStore(':memory:', guestMigrations);
  const clock = createClock({ warp: 0, start: Date.UTC(2026, 10, 26, 20, 0, 0) });
  const catalog = loadGuestCatalog();
  const guests = new Map<string, Guest>();
  const rules: World['rules'] = [];
  const consoleLog = new Map<string, string>();
  const stopped: string[] = [];
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = { privatePem, publicKey: publicKeyOf(privatePem)! };
  const byAddress = (addr: string): Guest | undefined =>
    [...guests.values()].find((g) => g.identity.interfaces.some((i) => i.privateIp === addr || i.publicIp === addr));
  const net: GuestNetwork = {
    resolve(_from, name) {
      if (name === 'example.com') return '93.184.216.34';
      for (const g of guests.values()) for (const i of g.identity.interfaces) {
        if (i.privateDns === name) return i.privateIp;
        if (i.publicDns === name) return i.publicIp;
      }
      if (/^repo\.|archive\.ubuntu\.com$/.test(name)) return '52.91.65.63';
      return undefined;
    },
    connect(from, to, protocol, port) {
      for (const r of rules) {
        const v = r(from, to, protocol, port);
        if (v) return v;
      }
      const g = byAddress(to);
      if (g) return { ok: true, target: { kind: 'guest', guestId: g.identity.id, address: to } };
      return { ok: true, target: { kind: 'site', host: to } };
    },
    guest: (id) => guests.get(id),
  };
  const host: GuestHost = {
    store,
    clock,
    catalog,
    net,
    sleep: async (ms) => clock.advance(ms),
    waitTimeout: async (ms) => clock.advance(ms),
    consoleOutput: (id, text) => consoleLog.set(id.id, (consoleLog.get(id.id) ?? '') + text),
    shutdown: (id) => {
      stopped.push(id.id);
      guests.get(id.id)?.powerOff();
    },
    roleCredentials: (id) =>
      id.iamRole
        ? { AccessKeyId: 'ASIATESTTESTTESTTEST', SecretAccessKey: 'secret', Token: 'token', Expiration: '2026-11-27T02:00:00Z', LastUpdated: '2026-11-26T20:00:00Z' }
        : undefined,
    internet: (req) =>
      req.host === 'example.com' || req.host === '93.184.216.34'
        ? { status: 200, statusText: 'OK', headers: { 'content-type': 'text/html' }, body: '<html><body><h1>Example Domain</h1></body></html>\n' }
        : undefined,
  };
  return { store, clock, host, guests, rules, consoleLog, stopped, key };
}

let n = 0;
export function instanceIdentity(world: World, over: Partial<GuestIdentity> = {}): GuestIdentity {
  n++;
  const ip = `172.31.${n}.${10 + n}`;
  const id = over.id ?? `i-0${String(n).padStart(16, 'a')}`;
  return {
    kind: 'instance',
    id,
    accountId: '123456789012',
    region: 'us-east-1',
    availabilityZone: 'us-east-1a',
    imageKey: 'amzn-2017.09',
    imageId: 'ami-6057e21a',
    defaultUser: 'ec2-user',
    hardware: { instanceType: 't2.micro', vCpus: 1, memoryMiB: 1024, processor: 'Intel(R) Xeon(R) CPU E5-2676 v3 @ 2.40GHz', clockGhz: 2.4 },
    interfaces: [
      {
        device: 'eth0',
        mac: `0a:1b:2c:3d:4e:${(0x10 + n).toString(16)}`,
        privateIp: ip,
        publicIp: `54.1.2.${n}`,
        subnetCidr: '172.31.0.0/20',
        vpcCidr: '172.31.0.0/16',
        privateDns: `ip-${ip.replace(/\./g, '-')}.ec2.internal`,
        publicDns: `ec2-54-1-2-${n}.compute-1.amazonaws.com`,
        subnetId: 'subnet-1',
        vpcId: 'vpc-1',
        securityGroups: [{ id: 'sg-1', name: 'webserver' }],
        interfaceId: `eni-${n}`,
      },
    ],
    volumes: [{ device: '/dev/xvda', dataId: `vol-data-${id}`, sizeBytes: 8 * 2 ** 30, kind: 'ebs', volumeType: 'gp2', root: true }],
    keyName: 'mykey',
    publicKey: world.key.publicKey,
    launchTime: world.clock.now(),
    ...over,
  };
}

export async function bootInstance(world: World, over: Partial<GuestIdentity> = {}): Promise<Guest> {
  const identity = instanceIdentity(world, over);
  const guest = new Guest(world.host, identity, baseCommandNames(imageFor(world.host.catalog, identity.imageKey)));
  world.guests.set(identity.id, guest);
  await bootGuest(guest);
  return guest;
}

export async function workstation(world: World): Promise<Guest> {
  const identity: GuestIdentity = {
    kind: 'workstation',
    id: 'workstation',
    accountId: '123456789012',
    region: 'us-east-1',
    availabilityZone: 'local',
    imageKey: 'workstation',
    defaultUser: 'learner',
    hardware: { instanceType: 'workstation', vCpus: 4, memoryMiB: 8192, processor: 'Intel(R) Core(TM) i7', clockGhz: 2.8 },
    interfaces: [],
    volumes: [{ device: '/dev/sda', dataId: 'workstation', sizeBytes: 64 * 2 ** 30, kind: 'ebs', root: true }],
    launchTime: world.clock.now(),
  };
  const g = new Guest(world.host, identity, baseCommandNames(imageFor(world.host.catalog, 'workstation')));
  g.sourceAddress = () => WORKSTATION_IP;
  world.guests.set('workstation', g);
  await bootGuest(g);
  return g;
}

/** A login shell of a user; run() gives stdout+stderr and the exit code. */
export function shellOf(guest: Guest, user = guest.identity.defaultUser): GuestShell {
  return new GuestShell(guest, guest.user(user)!);
}

export async function run(shell: GuestShell, line: string): Promise<{ out: string; err: string; code: number }> {
  const r = await shell.exec(line);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
}

/** A batch-mode terminal fed line by line: returns everything printed and the last status. */
export async function script(program: GuestShell, lines: string[], mode: 'batch' | 'interactive' = 'batch'): Promise<{ output: string; status: number }> {
  let output = '';
  let idle: () => void = () => {};
  let status = 0;
  let exited = false;
  const term = new Terminal({
    program,
    mode,
    onOutput: (d) => (output += d),
    onIdle: (code) => {
      status = code;
      idle();
    },
    onExit: (code) => {
      status = code;
      exited = true;
      idle();
    },
  });
  for (const l of lines) {
    if (exited) break;
    const wait = new Promise<void>((r) => (idle = r));
    term.input(`${l}\r`);
    await wait;
  }
  return { output: output.replace(/\r\n/g, '\n'), status };
}
