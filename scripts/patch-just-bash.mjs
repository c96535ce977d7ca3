/**
 * Our hooks in just-bash (run on postinstall; idempotent). The guest shell sets them on the Bash
 * instance's limits object, so an unpatched just-bash simply never calls them:
 * - Symbol.for('nimbus.onStatement'), called before each statement with the statement: the guest
 *   yields to the event loop every few milliseconds (a busy loop in a guest must not freeze the
 *   lab), accounts the CPU a guest burns, keeps the state just-bash drops after each exec
 *   (functions, set options), and answers `read` from the terminal.
 * - Symbol.for('nimbus.onResult'), called with each top-level statement's result of a script: a
 *   script run at the prompt shows its output as it goes, not when it ends.
 * - Symbol.for('nimbus.runScript'), called instead of just-bash's own `./script` runner: the guest
 *   honours the `#!` line (interpreter and flags, as the kernel does) and passes every argument
 *   (just-bash keeps nine).
 * - Symbol.for('nimbus.commandWithoutFile'): whether `command -v`/`type` may name a command that has
 *   no file in $PATH (just-bash says /usr/bin/NAME for every command it knows; a guest only knows
 *   what is installed on its disk).
 * Without the patch the guest still works, without those things (guest/shell.ts says so).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const MARK = 'nimbus.onStatement';
/** The first version of the statement hook (without the statement), replaced by the current one. */
const OLD_HOOK = `{const __nh=this.ctx.limits[Symbol.for("${MARK}")];if(__nh){const __np=__nh(this.ctx);if(__np)await __np}}`;
const KNOWN = 'nimbus.commandWithoutFile';
const known = (ctx, name) => `(${ctx}.limits[Symbol.for("${KNOWN}")]?.(${name})??${ctx}.commands.has(${name}))`;
const PATCHES = [
  {
    mark: `__nh(this.ctx,`,
    re: /async executeStatement\((\w+)\)\{/,
    to: (m, arg) => `${m}{const __nh=this.ctx.limits[Symbol.for("${MARK}")];if(__nh){const __np=__nh(this.ctx,${arg});if(__np)await __np}}`,
  },
  {
    mark: 'nimbus.onResult',
    re: /async executeScript\((\w+)\)\{this\.assertDefenseContext\("execution"\);let \w+=0,\w+=new \w+\(this\.ctx\.executionScope,"script"\);for\(let (\w+) of \1\.statements\)try\{let (\w+)=await this\.executeStatement\(\2\);/,
    to: (m, _s, _st, res) => `${m}{const __nr=this.ctx.limits[Symbol.for("nimbus.onResult")];if(__nr)${res}=__nr(this.ctx,${res})??${res}}`,
  },
  {
    mark: 'nimbus.runScript',
    re: /async function \w+\((\w+),(\w+),(\w+),(\w+),\w+\)\{(?=let (\w+);try\{\5=await \1\.fs\.readFile\(\2\)\}catch\{return \w+\(`bash: )/,
    to: (m, e, t, n, r) => `${m}{const __rs=${e}.limits[Symbol.for("nimbus.runScript")];if(__rs)return __rs(${e},${t},${n},${r})}`,
  },
  // `command -v`, `type` and `type -a` name /usr/bin/NAME for any registered command with no file
  // in $PATH; the guest's hook answers instead, so only what is installed on its disk is named.
  {
    mark: '/*nk1*/',
    re: /else if\((\w+)\.commands\.has\((\w+)\)\)\{let \w+=\(\1\.state\.env\.get\("PATH"\)[^]*?(\w+)\|\|\(\3=`\/usr\/bin\/\$\{\2\}`\),(\w+)\?\w+\+=`\$\{\2\} is \$\{\3\}\n`:\w+\+=`\$\{\3\}\n`\}else \4&&\((\w+)\+=`\$\{\2\}: not found\n`\),(\w+)=1\}/,
    to: (m, e, a, f, r, i, o) =>
      m.replace(`${f}||(${f}=`, `/*nk1*/if(!${f}&&!${known(e, a)}){${r}&&(${i}+=\`\${${a}}: not found\\n\`),${o}=1;continue}${f}||(${f}=`),
  },
  {
    mark: '/*nk2*/',
    re: /if\((\w+)\.commands\.has\((\w+)\)\)\{(?=for\(let (\w+) of \w+\)if\(\3==="\/usr\/bin")/,
    to: (_m, e, t) => `if(/*nk2*/${known(e, t)}){`,
  },
  {
    mark: '/*nk3*/',
    re: /if\((\w+)\((\w+),(\w+)\)&&(\w+)\.commands\.has\(\3\)\)\{(?=\w+\.push\(\2\);continue\})/,
    to: (_m, f, a, t, e) => `if(/*nk3*/${f}(${a},${t})&&${known(e, t)}){`,
  },
];

let root;
try {
  // The CommonJS entry is dist/bundle/index.cjs: the package root is three levels up.
  root = dirname(dirname(dirname(createRequire(import.meta.url).resolve('just-bash'))));
} catch {
  process.exit(0); // not installed (yet)
}
let patched = 0;
for (const rel of ['dist/bundle/index.js', 'dist/bundle/index.cjs']) {
  const file = join(root, rel);
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  let out = text.replace(OLD_HOOK, '');
  for (const p of PATCHES) {
    if (out.includes(p.mark)) continue;
    if (!p.re.test(out)) {
      console.warn(`[nimbus] just-bash: ${rel} has changed shape (${p.re.source.slice(0, 40)}…); guests run without this hook`);
      continue;
    }
    out = out.replace(p.re, p.to);
  }
  if (out !== text) writeFileSync(file, out);
  patched++;
}
if (patched) console.log(`[nimbus] just-bash: hooks in ${patched} bundle(s)`);
