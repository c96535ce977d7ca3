// Closes what Node's permission model (Node 20) leaves open to a sandbox: sockets (TCP, UDP, DNS,
// the inspector's port) and signals to other processes. Runs before any function code loads; the
// originals stay only in this module's scope. Files, child processes, workers and native addons are
// already refused by --experimental-permission.
import dgram from 'node:dgram';
import dns from 'node:dns';
import inspector from 'node:inspector';
import net from 'node:net';

const denied = (what) => {
  const e = new Error(`connect EACCES ${what}: the Lambda sandbox has no network of its own (requests go through the lab's HTTP bridge)`);
  e.code = 'EACCES';
  e.errno = -13;
  e.syscall = 'connect';
  return e;
};

export function lockdown() {
  const refuse = (what) =>
    function () {
      throw denied(what);
    };
  net.Socket.prototype.connect = refuse('socket');
  net.Server.prototype.listen = refuse('listen');
  dgram.Socket.prototype.bind = refuse('udp');
  dgram.Socket.prototype.send = refuse('udp');
  dgram.Socket.prototype.connect = refuse('udp');
  for (const k of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveMx', 'resolveCname', 'resolveSrv', 'resolveNs', 'reverse']) {
    if (typeof dns[k] === 'function') dns[k] = refuse('dns');
    if (typeof dns.promises[k] === 'function') dns.promises[k] = refuse('dns');
  }
  dns.Resolver.prototype.resolve = refuse('dns');
  inspector.open = refuse('inspector');
  const ownPid = process.pid;
  const kill = process.kill.bind(process);
  process.kill = (pid, signal) => {
    if (pid !== ownPid && pid !== 0) {
      const e = new Error('kill EPERM');
      e.code = 'EPERM';
      throw e;
    }
    return kill(pid, signal);
  };
  delete process._debugProcess;
  delete process._debugEnd;
  delete process.dlopen;
  process.chdir = () => {
    throw new Error('process.chdir() is not supported in the Lambda sandbox');
  };
}
