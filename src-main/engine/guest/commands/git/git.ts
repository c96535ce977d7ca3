/**
 * git, once installed (yum/apt): `git --version`, and `git clone` of the book's repository
 * (https://github.com/AWSinAction/code2.git) from the copy the learner imported with
 * `./bin/nimbus import-book-code PATH` (handed to guests by the host as `bookCode`). The clone is a
 * working tree with a small .git that remembers each file's hash, so `git status` can say what
 * changed. Other remotes: the lab's offline internet has no GitHub, so git says it cannot reach them.
 */
import { createHash } from 'node:crypto';
import type { CommandEnv } from '../registry';
import type { ShellCommand, ShellCommandContext, CommandOutput } from '../../shell';
import { fail, ok, Output } from '../util';

/** The imported book repository, as the composition root offers it to guests (GuestHost.bookCode). */
export interface BookCodeSource {
  /** Every file of the repository: path relative to its root (no code2-master/ prefix) → bytes. */
  files(): Map<string, Uint8Array> | undefined;
}

const BOOK_REPO = /^(?:https?:\/\/|git@)github\.com[/:]AWSinAction\/code2(?:\.git)?\/?$/i;
const MANIFEST = '.git/nimbus-files.json';

const hashOf = (data: Uint8Array): string => createHash('sha1').update(`blob ${data.byteLength}\0`).update(data).digest('hex');

function clone(env: CommandEnv, ctx: ShellCommandContext, args: string[], version: string): CommandOutput {
  const ops = args.filter((a) => !a.startsWith('-'));
  const [url, dirArg] = ops;
  if (!url) return fail('fatal: You must specify a repository to clone.\n\nusage: git clone [<options>] [--] <repo> [<dir>]', 129);
  const name = dirArg ?? url.replace(/\/$/, '').replace(/\.git$/, '').split(/[/:]/).pop()!;
  const dir = env.fs.resolvePath(ctx.cwd, name);
  if (env.fs.existsSync(dir) && env.fs.listSync(dir).length > 0) return fail(`fatal: destination path '${name}' already exists and is not an empty directory.`, 128);
  if (!BOOK_REPO.test(url)) {
    const host = /^(?:https?:\/\/)?([^/:]+)/.exec(url.replace(/^git@/, ''))?.[1] ?? url;
    return fail(`Cloning into '${name}'...\nfatal: unable to access '${url}/': Could not resolve host: ${host}\n(the lab's offline internet serves only the book's repository, https://github.com/AWSinAction/code2.git, once imported)`, 128);
  }
  const source = (env.guest.host as { bookCode?: BookCodeSource }).bookCode;
  const files = source?.files();
  if (!files || files.size === 0) {
    return fail(`Cloning into '${name}'...\nfatal: unable to access '${url}': the book's code has not been imported into this lab.\nImport it once on your computer: download https://github.com/AWSinAction/code2 (a folder or its zip) and run\n  ./bin/nimbus import-book-code PATH`, 128);
  }
  const out = new Output(env.io());
  out.error(`Cloning into '${name}'...\n`);
  const manifest: Record<string, string> = {};
  let bytes = 0;
  try {
    env.fs.mkdirSync(dir, true);
    for (const [rel, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = `${dir}/${rel}`;
      env.fs.mkdirSync(path.slice(0, path.lastIndexOf('/')), true);
      env.fs.writeSync(path, data, false, /\.sh$/.test(rel) ? 0o755 : 0o644);
      manifest[rel] = hashOf(data);
      bytes += data.byteLength;
    }
    env.fs.mkdirSync(`${dir}/.git/refs/heads`, true);
    env.fs.writeSync(`${dir}/.git/HEAD`, new TextEncoder().encode('ref: refs/heads/master\n'), false);
    env.fs.writeSync(`${dir}/.git/config`, new TextEncoder().encode(`[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "master"]\n\tremote = origin\n\tmerge = refs/heads/master\n`), false);
    env.fs.writeSync(`${dir}/${MANIFEST}`, new TextEncoder().encode(JSON.stringify(manifest)), false);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail(`fatal: could not create work tree dir '${name}': ${code === 'EACCES' ? 'Permission denied' : code === 'ENOSPC' ? 'No space left on device' : (e as Error).message}`, 128);
  }
  const n = files.size;
  out.error(`remote: Enumerating objects: ${n}, done.\nremote: Total ${n} (delta 0), reused ${n} (delta 0)\nReceiving objects: 100% (${n}/${n}), ${(bytes / 1024).toFixed(2)} KiB, done.\n`);
  void version;
  return out.done(0);
}

/** The repository a path is in: the nearest folder upward holding .git. */
function repoRoot(env: CommandEnv, cwd: string): string | undefined {
  for (let d = cwd; ; d = d.slice(0, d.lastIndexOf('/')) || '/') {
    if (env.fs.existsSync(`${d === '/' ? '' : d}/.git`)) return d;
    if (d === '/') return undefined;
  }
}

function status(env: CommandEnv, ctx: ShellCommandContext): CommandOutput {
  const root = repoRoot(env, ctx.cwd);
  if (!root) return fail('fatal: not a git repository (or any of the parent directories): .git', 128);
  let manifest: Record<string, string> = {};
  try {
    manifest = JSON.parse(env.fs.readSyncText(`${root}/${MANIFEST}`)) as Record<string, string>;
  } catch {
    // a repository made by `git init`: everything is untracked
  }
  const modified: string[] = [];
  const deleted: string[] = [];
  const untracked = new Set<string>();
  const seen = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    for (const n of env.fs.listSync(dir).sort()) {
      if (rel === '' && n === '.git') continue;
      const p = `${dir}/${n}`;
      const r = `${rel}${n}`;
      if (env.fs.statSync(p).isDirectory) walk(p, `${r}/`);
      else {
        seen.add(r);
        if (!(r in manifest)) untracked.add(rel && !Object.keys(manifest).some((k) => k.startsWith(rel)) ? rel : r);
        else if (hashOf(env.fs.readSync(p)) !== manifest[r]) modified.push(r);
      }
    }
  };
  walk(root, '');
  for (const k of Object.keys(manifest)) if (!seen.has(k)) deleted.push(k);
  let text = "On branch master\nYour branch is up to date with 'origin/master'.\n";
  if (modified.length || deleted.length) {
    text += '\nChanges not staged for commit:\n  (use "git add <file>..." to update what will be committed)\n  (use "git checkout -- <file>..." to discard changes in working directory)\n\n';
    text += [...modified.map((m) => `\tmodified:   ${m}`), ...deleted.map((d) => `\tdeleted:    ${d}`)].join('\n') + '\n';
  }
  if (untracked.size) text += `\nUntracked files:\n  (use "git add <file>..." to include in what will be committed)\n\n${[...untracked].map((u) => `\t${u}`).join('\n')}\n`;
  if (!modified.length && !deleted.length && !untracked.size) text += '\nnothing to commit, working tree clean\n';
  else if (!modified.length && !deleted.length) text += '\nnothing added to commit but untracked files present (use "git add" to track)\n';
  else text += '\nno changes added to commit (use "git add" and/or "git commit -a")\n';
  return ok(text);
}

export function gitCommand(env: CommandEnv, installed: () => string | undefined): ShellCommand {
  return {
    name: 'git',
    async run(args, ctx) {
      const version = installed();
      if (!version) return { stdout: '', stderr: '-bash: git: command not found\n', exitCode: 127 };
      const [sub, ...rest] = args;
      if (sub === '--version' || sub === 'version') return ok(`git version ${version}\n`);
      switch (sub) {
        case 'clone':
          return clone(env, ctx, rest, version);
        case 'status':
          return status(env, ctx);
        case 'pull':
        case 'fetch':
          if (!repoRoot(env, ctx.cwd)) return fail('fatal: not a git repository (or any of the parent directories): .git', 128);
          return ok(sub === 'pull' ? 'Already up to date.\n' : '');
        case undefined:
        case 'help':
        case '--help':
          return ok('usage: git [--version] [--help] [-C <path>] [-c name=value]\n           <command> [<args>]\n\nThe lab\'s git can: clone (the book\'s repository), status, pull.\n');
        default:
          return fail(`git: '${sub}' is not available in the lab's git (it has clone, status, pull)`, 1);
      }
    },
  };
}
