import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf, workstation } from '../harness';
import type { BookCodeSource } from '../../../../src-main/engine/guest/commands/git/git';

const REPO = 'https://github.com/AWSinAction/code2.git';

describe('git clone of the book\'s repository', () => {
  it('says how to import when the lab has no copy, clones it once imported, and git status sees edits', async () => {
    const world = createWorld();
    const sh = shellOf(await workstation(world));
    const before = await run(sh, `git clone ${REPO}`);
    expect(before.code).toBe(128);
    expect(before.err).toContain("Cloning into 'code2'...\nfatal: unable to access 'https://github.com/AWSinAction/code2.git': the book's code has not been imported into this lab.");
    expect(before.err).toContain('./bin/nimbus import-book-code PATH');
    const files = new Map<string, Uint8Array>([
      ['chapter04/virtualmachine.yaml', new TextEncoder().encode("AWSTemplateFormatVersion: '2010-09-09'\n")],
      ['chapter04/virtualmachine.sh', new TextEncoder().encode('#!/bin/bash -e\necho vm\n')],
      ['README.md', new TextEncoder().encode('# code2\n')],
    ]);
    (world.host as { bookCode?: BookCodeSource }).bookCode = { files: () => files };
    const r = await run(sh, `git clone ${REPO}`);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Cloning into 'code2'\.\.\.\nremote: Enumerating objects: 3, done\.\n/);
    expect((await run(sh, 'ls code2/chapter04; ls -l code2/chapter04/virtualmachine.sh')).out).toMatch(/^virtualmachine\.sh\nvirtualmachine\.yaml\n-rwxr-xr-x /);
    expect((await run(sh, 'cd code2 && git status')).out).toBe("On branch master\nYour branch is up to date with 'origin/master'.\n\nnothing to commit, working tree clean\n");
    await run(sh, 'cd ~/code2 && echo more >> README.md && touch notes.txt && rm chapter04/virtualmachine.yaml');
    const st = (await run(sh, 'cd ~/code2/chapter04 && git status')).out;
    expect(st).toContain('\tmodified:   README.md\n\tdeleted:    chapter04/virtualmachine.yaml\n');
    expect(st).toContain('Untracked files:\n  (use "git add <file>..." to include in what will be committed)\n\n\tnotes.txt\n');
    expect((await run(sh, `cd ~ && git clone ${REPO}`)).err).toBe("fatal: destination path 'code2' already exists and is not an empty directory.\n");
    expect((await run(sh, 'git clone https://github.com/someone/else.git')).err).toContain('Could not resolve host: github.com');
  });

  it('on an instance git comes from a package', async () => {
    const sh = shellOf(await bootInstance(createWorld()));
    expect((await run(sh, 'git --version')).err).toBe('-bash: git: command not found\n');
    await run(sh, 'sudo yum install -y git');
    expect((await run(sh, 'git --version')).out).toBe('git version 2.13.6\n');
  });
});

describe('the imported book code as guests see it', () => {
  it('reads DATA/book-code, with or without GitHub\'s code2-master/ folder on top', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { bookCodeFromDir } = await import('../../../../src-main/engine/guest/commands/git/book-source');
    const dir = mkdtempSync(join(tmpdir(), 'book-'));
    try {
      expect(bookCodeFromDir(join(dir, 'missing')).files()).toBeUndefined();
      mkdirSync(join(dir, 'code2-master', 'chapter04'), { recursive: true });
      mkdirSync(join(dir, 'code2-master', '.git'), { recursive: true });
      writeFileSync(join(dir, 'code2-master', 'chapter04', 'virtualmachine.yaml'), 'x: 1\n');
      writeFileSync(join(dir, 'code2-master', '.git', 'HEAD'), 'ref\n');
      const files = bookCodeFromDir(dir).files()!;
      expect([...files.keys()]).toEqual(['chapter04/virtualmachine.yaml']);
      expect(new TextDecoder().decode(files.get('chapter04/virtualmachine.yaml'))).toBe('x: 1\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the book\'s URLs on the offline internet', () => {
  it('serves the bucket and GitHub raw paths from the import, and says how to import without one', async () => {
    const { bookCodeSite, BOOK_HOSTS } = await import('../../../../src-main/engine/guest/commands/git/book-site');
    const req = (host: string, path: string) => ({ method: 'GET', host, path, port: 443, headers: {}, sourceIp: '10.0.0.5' });
    const none = bookCodeSite(undefined, req('s3.amazonaws.com', '/awsinaction-code2/chapter05/vpn-setup.sh'))!;
    expect(none.status).toBe(404);
    expect(none.body).toContain('./bin/nimbus import-book-code PATH');
    const source = { files: () => new Map([['chapter05/vpn-setup.sh', new TextEncoder().encode('#!/bin/bash\necho vpn\n')]]) };
    for (const [host, path] of [['s3.amazonaws.com', '/awsinaction-code2/chapter05/vpn-setup.sh'], ['awsinaction-code2.s3.amazonaws.com', '/chapter05/vpn-setup.sh'], ['raw.githubusercontent.com', '/AWSinAction/code2/master/chapter05/vpn-setup.sh']] as const) {
      const r = bookCodeSite(source, req(host, path))!;
      expect([r.status, r.body]).toEqual([200, '#!/bin/bash\necho vpn\n']);
      expect(BOOK_HOSTS[host]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
    expect(bookCodeSite(source, req('s3.amazonaws.com', '/awsinaction-code2/nope.sh'))!.body).toContain('<Code>NoSuchKey</Code>');
    expect(bookCodeSite(source, req('s3.amazonaws.com', '/other-bucket/x'))).toBeUndefined();
  });
});
