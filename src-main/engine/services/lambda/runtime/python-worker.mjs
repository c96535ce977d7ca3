// CPython (WebAssembly, from just-bash's vendor folder) on a worker thread of a Python sandbox. The
// interpreter runs `bootstrap.py` once and never returns: it reads invocations from the device
// /dev/lambda and writes its answers there. A read with nothing to read blocks this thread (Atomics)
// until the sandbox's main thread delivers the next message, so Python code stays synchronous while
// the process still talks to the host asynchronously.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { unzipSync } from 'fflate';
import { lockdown } from './lockdown.mjs';

// Each thread has its own copy of Node's modules: close this one's sockets too (emscripten would
// otherwise map Python's sockets onto them).
lockdown();

const { vendor, sdk, preimport, bootstrap, port, flag: flagBuffer } = workerData;
const flag = new Int32Array(flagBuffer);
const post = (m) => parentPort.postMessage(m);

/** Blocks until the main thread has delivered a message on our port. */
function nextMessage() {
  for (;;) {
    const got = receiveMessageOnPort(port);
    if (got) {
      // The function's code enters the interpreter's file system at init, before Python imports it.
      if (got.message.type === 'init' && got.message.task) copyTree(Module.FS, got.message.task, '/var/task');
      return got.message;
    }
    Atomics.wait(flag, 0, 0);
    Atomics.store(flag, 0, 0);
  }
}

function copyTree(FS, from, to) {
  for (const name of readdirSync(from)) {
    if (name === '.ready') continue;
    const src = join(from, name);
    const dst = `${to}/${name}`;
    if (statSync(src).isDirectory()) {
      FS.mkdirTree(dst);
      copyTree(FS, src, dst);
    } else FS.writeFile(dst, readFileSync(src));
  }
}

const createPython = createRequire(import.meta.url)(join(vendor, 'python.cjs'));
let inbound = Buffer.alloc(0);
let Module;
let outbound = '';
const lineOut = (text) => post({ type: 'log', text });

Module = await createPython({
  noInitialRun: true,
  print: lineOut,
  printErr: (text) => {
    if (typeof text === 'string' && (text.includes('Could not find platform') || text.includes('LLVM Profile Error'))) return;
    lineOut(text);
  },
  preRun: [
    (mod) => {
      mod.FS.mkdirTree('/lib');
      mod.FS.writeFile('/lib/python313.zip', readFileSync(join(vendor, 'python313.zip')));
      mod.FS.mkdirTree('/var/task');
      mod.FS.mkdirTree('/var/runtime');
      mod.FS.mkdirTree('/tmp');
      mod.FS.writeFile('/var/runtime/bootstrap.py', readFileSync(bootstrap));
      // The AWS SDK for Python sits with the runtime, where AWS's images have it.
      if (sdk) {
        for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(sdk))))) {
          if (name.endsWith('/')) continue;
          mod.FS.mkdirTree(`/var/runtime/${name.slice(0, name.lastIndexOf('/'))}`);
          mod.FS.writeFile(`/var/runtime/${name}`, data);
        }
      }
      Object.assign(mod.ENV, { PYTHONHOME: '/', PYTHONPATH: '/lib/python313.zip', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' });
      mod.ENV.LANG = 'en_US.UTF-8';
      mod.ENV.TZ = 'UTC';
      mod.ENV.LAMBDA_TASK_ROOT = '/var/task';
      mod.ENV.TMPDIR = '/tmp';
      if (preimport) mod.ENV._NIMBUS_PREIMPORT = '1';
      const { FS } = mod;
      const dev = FS.makedev(64, 0);
      FS.registerDevice(dev, {
        open() {},
        close() {},
        read(stream, buffer, offset, length) {
          if (inbound.length === 0) inbound = Buffer.from(`${JSON.stringify(nextMessage())}\n`);
          const n = Math.min(length, inbound.length);
          buffer.set(inbound.subarray(0, n), offset);
          inbound = inbound.subarray(n);
          return n;
        },
        write(stream, buffer, offset, length) {
          outbound += Buffer.from(buffer.subarray(offset, offset + length)).toString('utf8');
          let nl;
          while ((nl = outbound.indexOf('\n')) >= 0) {
            post({ type: 'chan', line: outbound.slice(0, nl) });
            outbound = outbound.slice(nl + 1);
          }
          return length;
        },
      });
      FS.mkdev('/dev/lambda', 0o666, dev);
    },
  ],
});
Module.callMain(['/var/runtime/bootstrap.py']);
post({ type: 'exit' });
