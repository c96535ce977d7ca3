/**
 * openssl: the subcommands the book and everyday admin use — `rand -base64|-hex N` (§5.3.2 makes a
 * VPN pre-shared key with it), `version`, `genrsa`, `rsa -pubout`, `dgst`/`sha256`/`md5`, `base64`.
 * Keys and digests come from Node's crypto, so they are real; anything else says it is not in the lab.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { CommandEnv } from '../registry';
import type { CommandOutput, ShellCommand, ShellCommandContext } from '../../shell';
import { fail, ok } from '../util';

const VERSION = 'OpenSSL 1.0.2k-fips  26 Jan 2017';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Writes to -out FILE when given, else returns the text as stdout. */
function emit(env: CommandEnv, ctx: ShellCommandContext, out: string | undefined, data: string | Uint8Array, mode?: number): CommandOutput {
  if (!out) return ok(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
  try {
    env.fs.writeSync(env.fs.resolvePath(ctx.cwd, out), typeof data === 'string' ? new TextEncoder().encode(data) : data, false, mode);
    return ok();
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail(`${out}: ${code === 'EACCES' ? 'Permission denied' : 'No such file or directory'}\n140215079761824:error:0200100D:system library:fopen:Permission denied:bss_file.c:402:fopen('${out}','w')`);
  }
}

function readInput(env: CommandEnv, ctx: ShellCommandContext, file: string | undefined): Uint8Array | CommandOutput {
  if (!file) return Buffer.from(ctx.stdin, 'utf8');
  try {
    return env.fs.readSync(env.fs.resolvePath(ctx.cwd, file));
  } catch {
    return fail(`Error opening input file ${file}\n${file}: No such file or directory`);
  }
}

const wrap64 = (b64: string): string => `${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n`;

function rand(env: CommandEnv, ctx: ShellCommandContext, args: string[]): CommandOutput {
  const n = Number(args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-out').at(-1));
  if (!Number.isInteger(n) || n < 0) return fail('Usage: rand [options] num\nwhere options are\n-out file             - write to file\n-base64               - base64 encode output\n-hex                  - hex encode output');
  const bytes = randomBytes(n);
  const out = option(args, '-out');
  if (args.includes('-base64')) return emit(env, ctx, out, n === 0 ? '' : wrap64(bytes.toString('base64')));
  if (args.includes('-hex')) return emit(env, ctx, out, `${bytes.toString('hex')}\n`);
  return emit(env, ctx, out, bytes);
}

function genrsa(env: CommandEnv, ctx: ShellCommandContext, args: string[]): CommandOutput {
  const bits = Number(args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '-out').at(-1) ?? 2048);
  if (!Number.isInteger(bits) || bits < 512 || bits > 4096) return fail(`genrsa: the lab makes keys of 512 to 4096 bits, not ${bits}`);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 65537 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const progress = `Generating RSA private key, ${bits} bit long modulus\n${'.'.repeat(7)}+++\n${'.'.repeat(13)}+++\ne is 65537 (0x10001)\n`;
  const r = emit(env, ctx, option(args, '-out'), pem, 0o600);
  return { stdout: r.stdout, stderr: r.exitCode === 0 ? progress : progress + r.stderr, exitCode: r.exitCode };
}

function rsa(env: CommandEnv, ctx: ShellCommandContext, args: string[]): CommandOutput {
  const input = readInput(env, ctx, option(args, '-in'));
  if (!(input instanceof Uint8Array)) return input;
  let key;
  try {
    key = createPrivateKey(Buffer.from(input));
  } catch {
    return fail('unable to load Private Key\n139771206567840:error:0906D06C:PEM routines:PEM_read_bio:no start line:pem_lib.c:707:Expecting: ANY PRIVATE KEY');
  }
  const text = args.includes('-pubout') ? createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString() : key.export({ type: 'pkcs1', format: 'pem' }).toString();
  const r = emit(env, ctx, option(args, '-out'), text);
  return { ...r, stderr: `writing RSA key\n${r.stderr}` };
}

function digest(env: CommandEnv, ctx: ShellCommandContext, algo: string, args: string[]): CommandOutput {
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length === 0) return ok(`(stdin)= ${createHash(algo).update(ctx.stdin).digest('hex')}\n`);
  let stdout = '';
  for (const f of files) {
    const data = readInput(env, ctx, f);
    if (!(data instanceof Uint8Array)) return data;
    stdout += `${algo.toUpperCase()}(${f})= ${createHash(algo).update(data).digest('hex')}\n`;
  }
  return ok(stdout);
}

function base64(env: CommandEnv, ctx: ShellCommandContext, args: string[]): CommandOutput {
  const input = readInput(env, ctx, option(args, '-in'));
  if (!(input instanceof Uint8Array)) return input;
  const out = option(args, '-out');
  if (args.includes('-d')) return emit(env, ctx, out, Buffer.from(Buffer.from(input).toString('latin1').replace(/\s+/g, ''), 'base64'));
  return emit(env, ctx, out, wrap64(Buffer.from(input).toString('base64')));
}

const ALGOS: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha512: 'sha512' };

export function opensslCommand(env: CommandEnv): ShellCommand {
  return {
    name: 'openssl',
    async run(args, ctx) {
      const [sub, ...rest] = args;
      switch (sub) {
        case undefined:
          return fail('OpenSSL> the lab\'s openssl has no interactive mode: give a command (openssl rand -base64 32)');
        case 'version':
          return ok(rest.includes('-a') ? `${VERSION}\nbuilt on: reproducible build, date unspecified\nplatform: linux-x86_64\nOPENSSLDIR: "/etc/pki/tls"\n` : `${VERSION}\n`);
        case 'rand':
          return rand(env, ctx, rest);
        case 'genrsa':
          return genrsa(env, ctx, rest);
        case 'rsa':
          return rsa(env, ctx, rest);
        case 'base64':
        case 'enc':
          if (sub === 'enc' && !rest.includes('-base64') && !rest.includes('-a')) break;
          return base64(env, ctx, rest);
        case 'dgst': {
          const algo = rest.find((a) => ALGOS[a.slice(1)])?.slice(1) ?? 'sha256';
          return digest(env, ctx, algo, rest.filter((a) => !ALGOS[a.slice(1)]));
        }
        default:
          if (sub && ALGOS[sub]) return digest(env, ctx, ALGOS[sub], rest);
      }
      if (sub && /^-/.test(sub)) return fail(`openssl:Error: '${sub}' is an invalid command.`);
      return fail(`openssl: '${sub}' is not available in the lab (it has: version, rand, genrsa, rsa, dgst, md5, sha1, sha256, sha512, base64)`);
    },
  };
}
