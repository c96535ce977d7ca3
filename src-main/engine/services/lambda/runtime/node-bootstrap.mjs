// The Node.js runtime inside a sandbox: locks the process down, loads the handler
// (`index.handler` → index.js/.mjs/.cjs, export `handler`), then answers invocations one at a time
// with AWS's event, context and callback semantics. Output goes to the host as log messages.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { lockdown } from './lockdown.mjs';
import { installHttpBridge, onReply } from './http-bridge.mjs';

lockdown();
installHttpBridge();

const task = process.env.LAMBDA_TASK_ROOT;
let requestId = '';
const log = (level, args) => process.send({ type: 'log', level, requestId, text: format(...args) });
for (const [name, level] of [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
]) {
  console[name] = (...args) => log(level, args);
}
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, enc, cb) => {
    process.send({ type: 'log', raw: true, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof enc === 'string' ? enc : 'utf8') });
    if (typeof enc === 'function') enc();
    else if (typeof cb === 'function') cb();
    return true;
  };
}

const errorOf = (e) => {
  if (e instanceof Error) return { errorType: e.name === 'Error' && e.constructor?.name ? e.constructor.name : e.name, errorMessage: e.message, trace: String(e.stack ?? '').split('\n') };
  return { errorType: typeof e === 'string' ? 'string' : typeof e, errorMessage: typeof e === 'string' ? e : JSON.stringify(e) ?? String(e), trace: [] };
};

let handlerFn;
let current;

async function load(handler) {
  const dot = handler.lastIndexOf('.');
  const file = handler.slice(0, dot);
  const member = handler.slice(dot + 1);
  const found = ['.js', '.mjs', '.cjs'].map((ext) => join(task, file + ext)).find((p) => existsSync(p));
  if (!found || dot < 1) {
    const e = new Error(`Cannot find module '${file}'\nRequire stack:\n- /var/runtime/index.mjs`);
    e.name = 'Runtime.ImportModuleError';
    throw e;
  }
  let mod;
  if (found.endsWith('.mjs')) mod = await import(pathToFileURL(found).href);
  else {
    try {
      mod = createRequire(join(task, 'index.js'))(found);
    } catch (e) {
      if (e?.code !== 'ERR_REQUIRE_ESM') throw e;
      mod = await import(pathToFileURL(found).href);
    }
  }
  const fn = mod?.[member] ?? mod?.default?.[member];
  if (typeof fn !== 'function') {
    const e = new Error(`${handler} is undefined or not exported`);
    e.name = 'Runtime.HandlerNotFound';
    throw e;
  }
  return fn;
}

function finish(result) {
  if (!current) return;
  const c = current;
  current = undefined;
  let payload;
  if (!result.error) {
    try {
      payload = result.value === undefined ? 'null' : JSON.stringify(result.value);
    } catch (e) {
      result = { error: errorOf(e) };
    }
  }
  if (result.error) log('ERROR', ['Invoke Error \t' + JSON.stringify(result.error)]);
  requestId = '';
  process.send({ type: 'done', payload, error: result.error, rss: process.memoryUsage.rss(), id: c.id });
}

async function run(event, ctx) {
  requestId = ctx.awsRequestId;
  current = { id: ctx.awsRequestId };
  const context = {
    ...ctx,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, ctx.deadlineMs - Date.now()),
    done: (err, value) => finish(err ? { error: errorOf(err) } : { value }),
    succeed: (value) => finish({ value }),
    fail: (err) => finish({ error: errorOf(err) }),
  };
  delete context.deadlineMs;
  const callback = (err, value) => finish(err ? { error: errorOf(err) } : { value });
  try {
    const out = handlerFn(event, context, callback);
    if (out && typeof out.then === 'function') finish({ value: await out });
    else if (handlerFn.length < 3) finish({ value: out });
  } catch (e) {
    finish({ error: errorOf(e) });
  }
}

process.on('uncaughtException', (e) => {
  finish({ error: errorOf(e) });
  process.exit(129);
});
process.on('unhandledRejection', (e) => {
  const err = { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: String(e instanceof Error ? `${e.name}: ${e.message}` : e), trace: [] };
  finish({ error: err });
  process.exit(128);
});

process.on('message', async (m) => {
  if (m.type === 'init') {
    try {
      handlerFn = await load(m.handler);
      process.send({ type: 'ready' });
    } catch (e) {
      process.send({ type: 'ready', error: errorOf(e) });
    }
  } else if (m.type === 'invoke') await run(JSON.parse(m.event), m.context);
  else if (m.type === 'http-reply') onReply(m);
});
