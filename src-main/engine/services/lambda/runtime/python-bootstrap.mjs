// The Python runtime's sandbox process: locks the process down as for Node.js, starts CPython on a
// worker thread (python-worker.mjs) and relays between the host (IPC) and the interpreter (a
// MessagePort it reads synchronously). Python's output lines become log messages in order.
import { MessageChannel, Worker } from 'node:worker_threads';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockdown } from './lockdown.mjs';

lockdown();
const here = dirname(fileURLToPath(import.meta.url));
const flagBuffer = new SharedArrayBuffer(4);
const flag = new Int32Array(flagBuffer);
const { port1, port2 } = new MessageChannel();
let worker;

const deliver = (m) => {
  port1.postMessage(m);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};

function start() {
  worker = new Worker(join(here, 'python-worker.mjs'), {
    workerData: { vendor: process.env._NIMBUS_PYTHON_VENDOR, sdk: process.env._NIMBUS_PYTHON_SDK, preimport: process.env._NIMBUS_PREIMPORT === '1', bootstrap: join(here, 'bootstrap.py'), port: port2, flag: flagBuffer },
    transferList: [port2],
    env: process.env,
  });
  worker.on('message', (m) => {
    if (m.type === 'log') process.send({ type: 'log', raw: true, text: m.text });
    else if (m.type === 'chan') {
      const msg = JSON.parse(m.line);
      if (msg.type === 'done') msg.rss = process.memoryUsage.rss();
      process.send(msg);
    } else if (m.type === 'exit') process.exit(1);
  });
  worker.on('error', (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  });
}

// Booted at once: a spare sandbox waits with its interpreter ready for the init of some function.
start();
process.on('message', deliver);
