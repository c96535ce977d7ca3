// The Lambda sandbox host, run by the engine's supervisor (one per lab). It keeps warm sandboxes,
// one child process per concurrent execution environment, each started with Node's permission
// model (reads only the runtime, the function's code and its own /tmp; writes only its /tmp; no
// child processes, no workers, no native addons). An invocation arrives as a stream from the engine:
// one JSON line per message. The sandbox's AWS SDK and HTTP requests travel back up the same stream,
// so the function never opens a socket. A function past its timeout is killed with its sandbox.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { runEngine } from '../../../supervisor/child-harness.mjs';

// Real paths: the permission model checks the resolved path of every file a sandbox opens.
const here = realpathSync(dirname(fileURLToPath(import.meta.url)));
const appModules = realpathSync(resolve(here, '..', '..', '..', '..', '..', 'node_modules'));
// The folder as Node's resolver walks to it (a symlinked node_modules is checked under both names).
const appModulesLink = resolve(here, '..', '..', '..', '..', '..', 'node_modules');
const pythonVendor = realpathSync(join(appModules, 'just-bash', 'vendor', 'cpython-emscripten'));
// boto3 and botocore for Python functions, built by python-sdk/build.mjs (absent: functions get ImportError).
const sdkDir = resolve(here, '..', '..', '..', '..', '..', 'out', 'lambda');
const pythonSdk = existsSync(join(sdkDir, 'python-sdk.zip')) ? join(realpathSync(sdkDir), 'python-sdk.zip') : '';
let root = '';
let closing = false;
const INIT_LIMIT_MS = 10_000;
let seq = 0;
/** key → idle sandboxes of that function version, code and configuration. */
const idle = new Map();
const live = new Set();

/** Unpacks a package once per CodeSha256 (written next to it by the engine) into a read-only code folder. */
function codeDir(sha) {
  const dir = join(root, 'code', sha);
  if (existsSync(join(dir, '.ready'))) return dir;
  const files = unzipSync(new Uint8Array(readFileSync(join(root, 'code', `${sha}.zip`))));
  const tmp = `${dir}.${process.pid}.${++seq}`;
  for (const [name, data] of Object.entries(files)) {
    const target = resolve(tmp, name);
    if (!target.startsWith(tmp + '/')) continue; // a zip entry may not climb out of the folder
    if (name.endsWith('/')) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
  }
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, '.ready'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

/**
 * A Node.js sandbox may read only the runtime, its function's code and its own /tmp. A Python
 * sandbox's process reads the interpreter and the code folder, but Python itself sees only its
 * in-memory file system (the worker copies the function's code in at init), so one can be booted
 * ahead of need: the host keeps a spare, which makes a Python cold start cost the handler's import
 * rather than the interpreter's boot.
 */
function spawnSandbox(python, spec, spareBoot = false) {
  const id = `sb${process.pid}-${++seq}`;
  const tmp = join(root, 'tmp', id);
  mkdirSync(tmp, { recursive: true });
  const task = python ? undefined : codeDir(spec.codeSha);
  // Only the worker (our code) reads files in a Python sandbox: Python sees its in-memory file system.
  const reads = python ? [here, appModules, appModulesLink, join(root, 'code'), ...(pythonSdk ? [dirname(pythonSdk)] : [])] : [here, task, tmp, appModules, appModulesLink];
  const args = [
    '--experimental-permission',
    // Each path once: Node 20's permission model aborts on a path given twice (node_modules and its
    // link are the same folder when node_modules is not a symlink).
    ...[...new Set(reads)].map((p) => `--allow-fs-read=${p}/*`),
    `--allow-fs-write=${tmp}/*`,
    `--max-old-space-size=${Math.max(64, spec?.memoryMb ?? 256)}`,
    '--no-warnings',
    // CPython runs on a worker thread of its sandbox (our code only: Python cannot reach Node).
    ...(python ? ['--allow-worker'] : []),
    join(here, python ? 'python-bootstrap.mjs' : 'node-bootstrap.mjs'),
  ];
  const base = { LANG: 'en_US.UTF-8', TZ: ':UTC', TMPDIR: tmp };
  const env = python ? { ...base, _NIMBUS_PYTHON_VENDOR: pythonVendor, _NIMBUS_PYTHON_SDK: pythonSdk, _NIMBUS_PREIMPORT: spareBoot ? '1' : '0' } : { ...spec.env, ...base, LAMBDA_TASK_ROOT: task, NODE_PATH: appModules };
  const child = spawn(process.execPath, args, { cwd: python ? tmp : task, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  const sb = { id, python, key: spec?.key, child, tmp, streamName: spec?.streamName, current: undefined, stderr: '', dead: false };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c) => {
    sb.stderr = (sb.stderr + c).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    sb.dead = true;
    live.delete(sb);
    if (spare === sb) spare = undefined;
    const list = idle.get(sb.key);
    if (list) idle.set(sb.key, list.filter((s) => s !== sb));
    rmSync(tmp, { recursive: true, force: true });
    sb.current?.exited(signal ? `signal: ${signal === 'SIGKILL' ? 'killed' : signal.toLowerCase()}` : `exit status ${code}`);
  });
  child.on('message', (m) => {
    if (m.type === 'booted') sb.booted = true;
    else if (m.type === 'ready') sb.onReady?.(m);
    else sb.current?.message(m);
  });
  live.add(sb);
  return sb;
}

let spare;
function startSandbox(spec) {
  if (!spec.runtime.startsWith('python')) return spawnSandbox(false, spec);
  const warm = spare && !spare.dead ? spare : undefined;
  const sb = warm ?? spawnSandbox(true, spec);
  sb.booting = !sb.booted;
  spare = undefined;
  sb.key = spec.key;
  sb.streamName = spec.streamName;
  return sb;
}

const refillSpare = () => {
  if (!spare && !closing) spare = spawnSandbox(true, undefined, true);
};

function take(spec) {
  const list = idle.get(spec.key) ?? [];
  const sb = list.pop();
  idle.set(spec.key, list);
  return sb && !sb.dead ? sb : undefined;
}

/**
 * One Python sandbox initialises at a time: booting CPython takes seconds of CPU, and a schedule at a
 * high warp would otherwise start a new one for every event while the previous are still booting.
 * Waiting invocations take a sandbox as soon as one of theirs is released, or the next init slot.
 */
let pythonInit = false;
const waiting = [];
const wake = () => {
  for (const w of waiting.splice(0)) w();
};

function release(sb) {
  if (sb.dead) return;
  sb.current = undefined;
  const list = idle.get(sb.key) ?? [];
  list.push(sb);
  idle.set(sb.key, list);
  wake();
}

function invoke(spec, socket) {
  if (spec.runtime.startsWith('python') && pythonInit && !idle.get(spec.key)?.some((s) => !s.dead)) {
    waiting.push(() => invoke(spec, socket));
    return;
  }
  const write = (m) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(m)}\n`);
  };
  const t0 = performance.now();
  let sb = take(spec);
  const cold = !sb;
  let initMs = 0;
  let finished = false;
  const finish = (result) => {
    if (finished) return;
    finished = true;
    initDone();
    clearTimeout(timer);
    write({ type: 'result', cold, initMs, streamName: sb.streamName, durationMs: performance.now() - t0 - initMs, ...result });
    if (result.keep) release(sb);
    else if (!sb.dead && !result.exitError) sb.child.kill('SIGKILL'); // a failed init is tried again in a fresh sandbox
    if (cold && sb.python) setTimeout(refillSpare, 50);
  };
  if (!sb) sb = startSandbox(spec);
  const holdsInit = cold && sb.python;
  if (holdsInit) pythonInit = true;
  const initDone = () => {
    if (!holdsInit || !pythonInit) return;
    pythonInit = false;
    wake();
  };
  sb.current = {
    message(m) {
      if (m.type === 'log' || m.type === 'http') write({ ...m, t: performance.now() - t0 });
      else if (m.type === 'done') finish({ payload: m.payload, error: m.error, maxMemoryMb: Math.ceil((m.rss ?? 0) / 1048576), keep: true });
    },
    exited(why) {
      finish({ error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${spec.requestId} Error: Runtime exited with error: ${why}` }, exitError: why, stderr: sb.stderr });
    },
  };
  // Init has its own 10-second limit (as on AWS); the function's timeout starts with the invocation.
  let timer;
  const arm = (ms) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (finished) return;
      finished = true;
      sb.current = undefined;
      if (cold && !initMs) initMs = performance.now() - t0; // timed out while initialising
      initDone();
      sb.child.kill('SIGKILL');
      write({ type: 'result', cold, initMs, streamName: sb.streamName, durationMs: spec.timeoutMs, timedOut: true });
    }, ms);
  };
  const go = () => {
    arm(spec.timeoutMs);
    sb.child.send({ type: 'invoke', event: spec.event, context: { ...spec.context, deadlineMs: Date.now() + spec.timeoutMs } });
  };
  if (!cold) go();
  else {
    // A Python interpreter booted for this call (no spare was ready) is the lab's cost, not the function's init.
    arm(sb.booting ? 60_000 : INIT_LIMIT_MS);
    sb.onReady = (m) => {
      initMs = performance.now() - t0;
      initDone();
      if (m.error) finish({ error: m.error, initError: true });
      else go();
    };
    sb.child.send({ type: 'init', handler: spec.handler, runtime: spec.runtime, env: spec.env, task: sb.python ? codeDir(spec.codeSha) : undefined });
  }
  // Replies to the function's HTTP requests, from the engine.
  socket.forward = (m) => {
    if (m.type === 'http-reply' && !sb.dead) sb.child.send(m);
  };
}

runEngine({
  async open(dataDir) {
    root = realpathSync(dataDir);
    mkdirSync(join(root, 'code'), { recursive: true });
    rmSync(join(root, 'tmp'), { recursive: true, force: true });
  },
  connection(socket) {
    socket.setEncoding('utf8');
    let buf = '';
    socket.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = JSON.parse(line);
        if (m.type === 'invoke') invoke(m, socket);
        else socket.forward?.(m);
      }
    });
  },
  rpc: {
    /** Stops every sandbox of a function (deleted or changed). */
    forget({ prefix }) {
      for (const sb of live) if (sb.key?.startsWith(prefix) && !sb.current) sb.child.kill('SIGKILL');
      return true;
    },
    /** Boots a spare Python sandbox ahead of a first invocation (a Python function was just created). */
    prewarm() {
      refillSpare();
      return true;
    },
    stats() {
      return { sandboxes: live.size, pids: [...live].filter((s) => s !== spare).map((s) => s.child.pid), spareBooted: !!spare?.booted };
    },
  },
  async close() {
    closing = true;
    for (const sb of live) sb.child.kill('SIGKILL');
  },
});
