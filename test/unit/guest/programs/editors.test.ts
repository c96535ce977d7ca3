import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf, workstation } from '../harness';
import { tty } from './tty';
import { Vim } from '../../../../src-main/engine/guest/commands/vi/vim';

const ESC = '\x1b';

describe('vi through a real terminal', () => {
  it('creates a file: i, typing, Esc, :wq', async () => {
    const g = await bootInstance(createWorld());
    const sh = shellOf(g);
    const t = tty(sh);
    await t.type('vi notes.txt\r');
    expect(t.out()).toContain('\x1b[?1049h');
    expect(t.out()).toContain('"notes.txt" [New File]');
    await t.keys('i');
    expect(t.out()).toContain('-- INSERT --');
    await t.type('hello world\rsecond line');
    await t.keys(ESC);
    await t.type(':wq');
    t.clear();
    await t.keys('\r');
    expect(t.out()).toContain('\x1b[?1049l');
    expect(t.out()).toContain('[ec2-user@');
    expect((await run(sh, 'cat notes.txt')).out).toBe('hello world\nsecond line\n');
  });

  it('edits a root-owned config with sudo: /search, dd, x, o, arrows, :w then :q', async () => {
    const g = await bootInstance(createWorld());
    const sh = shellOf(g);
    await run(sh, "printf '<VirtualHost *:80>\\n  ServerName old.example.com\\n  DocumentRoot /var/www/html\\n  # remove me\\n</VirtualHost>\\n' | sudo tee /etc/site.conf >/dev/null");
    const t = tty(sh);
    await t.type('sudo vi /etc/site.conf\r');
    expect(t.out()).toContain('"/etc/site.conf" 5L, 106C');
    await t.type('/remove\r');
    await t.keys('d', 'd');
    await t.type('/old\r');
    await t.type('xxxi');
    await t.type('new');
    await t.keys(ESC, '\x1b[B', 'o');
    await t.type('  ServerAdmin admin@example.com');
    await t.keys(ESC);
    await t.type(':q\r');
    expect(t.out()).toContain('E37: No write since last change (add ! to override)');
    await t.type(':w\r');
    expect(t.out()).toContain('"/etc/site.conf" 5L, 124C written');
    await t.type(':q\r');
    await new Promise((r) => setTimeout(r, 10));
    expect((await run(sh, 'cat /etc/site.conf')).out).toBe(
      '<VirtualHost *:80>\n  ServerName new.example.com\n  DocumentRoot /var/www/html\n  ServerAdmin admin@example.com\n</VirtualHost>\n',
    );
    expect((await run(sh, 'ls -l /etc/site.conf')).out).toMatch(/^-rw-r--r-- 1 root root/);
  });

  it('refuses to write a root file as a plain user (E212) and :q! leaves it untouched', async () => {
    const g = await bootInstance(createWorld());
    const sh = shellOf(g);
    const t = tty(sh);
    await t.type('vim /etc/hosts\r');
    await t.keys('G', 'o');
    await t.type('10.0.0.5 db');
    await t.keys(ESC);
    await t.type(':wq\r');
    expect(t.out()).toContain('"/etc/hosts" E212: Can\'t open file for writing');
    await t.type(':q!\r');
    await new Promise((r) => setTimeout(r, 10));
    expect((await run(sh, 'cat /etc/hosts')).out).not.toContain('10.0.0.5');
    expect((await run(sh, 'echo $?; vi x | cat')).err).toContain('Vim: Warning: Output is not to a terminal');
  });

  it('has the vi commands people reach for: counts, yank/put, undo, :%s, search wrap', () => {
    const saved: string[][] = [];
    const v = new Vim('f', ['one', 'two', 'three', 'two again'], '', { save: (_p, l) => (saved.push([...l]), { bytes: 1 }), exists: () => true });
    for (const k of ['2', 'd', 'd']) v.key(k);
    expect(v.lines).toEqual(['three', 'two again']);
    v.key('u');
    expect(v.lines).toEqual(['one', 'two', 'three', 'two again']);
    for (const k of ['y', 'y', 'G', 'p']) v.key(k);
    expect(v.lines.at(-1)).toBe('one');
    for (const k of [':', ...'%s/two/2/g', '\r']) v.key(k);
    expect(v.lines).toEqual(['one', '2', 'three', '2 again', 'one']);
    for (const k of ['g', 'g', 'A', ...'!', ESC, ':', 'x', '\r']) v.key(k);
    expect(saved.at(-1)![0]).toBe('one!');
    expect(v.quit).toBe(true);
    const w = new Vim('f', ['alpha', 'beta', 'alpha'], '', { save: () => ({ bytes: 0 }), exists: () => true });
    for (const k of ['G', '/', ...'beta', '\r']) w.key(k);
    expect(w.row).toBe(1);
    expect(w.message).toBe('search hit BOTTOM, continuing at TOP');
    for (const k of ['/', ...'gamma', '\r']) w.key(k);
    expect(w.message).toBe('E486: Pattern not found: gamma');
  });
});

describe('nano through a real terminal', () => {
  it('types text, ^O writes, ^W finds, ^K/^U move a line, ^X asks to save', async () => {
    const g = await workstation(createWorld());
    const sh = shellOf(g);
    const t = tty(sh);
    await t.type('nano todo.txt\r');
    expect(t.out()).toContain('GNU nano 2.5.3');
    expect(t.out()).toContain('File: todo.txt');
    expect(t.out()).toContain('[ New File ]');
    expect(t.out()).toContain('Write Out');
    await t.type('buy milk\rcall bob\rwrite report');
    await t.keys('\x0f');
    expect(t.out()).toContain('File Name to Write: todo.txt');
    await t.keys('\r');
    expect(t.out()).toContain('[ Wrote 3 lines ]');
    expect((await run(sh, 'cat todo.txt')).out).toBe('buy milk\ncall bob\nwrite report\n');
    await t.keys('\x17');
    await t.type('milk\r');
    await t.keys('\x0b', '\x1b[B', '\x1b[B', '\x15');
    await t.keys('\x18');
    expect(t.out()).toContain('Save modified buffer (ANSWERING "No" WILL DESTROY CHANGES) ?');
    await t.keys('y');
    t.clear();
    await t.keys('\r');
    expect(t.out()).toContain('learner@workstation:~$ ');
    expect((await run(sh, 'cat todo.txt')).out).toBe('call bob\nwrite report\nbuy milk\n');
  });

  it('reports a write it may not make and exits without saving on N', async () => {
    const g = await bootInstance(createWorld());
    const sh = shellOf(g);
    const t = tty(sh);
    await t.type('nano /etc/motd\r');
    await t.type('x');
    await t.keys('\x0f', '\r');
    expect(t.out()).toContain('[ Error writing /etc/motd: Permission denied ]');
    await t.keys('\x18', 'n');
    await new Promise((r) => setTimeout(r, 10));
    expect(t.out()).toMatch(/\[ec2-user@[^\]]+ ~\]\$ $/);
  });
});

describe('less and more', () => {
  it('less pages a long file, searches and quits on q; more stops at --More--', async () => {
    const g = await workstation(createWorld());
    const sh = shellOf(g);
    await run(sh, 'seq 1 100 > nums.txt');
    const t = tty(sh);
    await t.type('less nums.txt\r');
    expect(t.out()).toContain('\r\n23\x1b[K\r\n');
    expect(t.out()).not.toContain('\r\n24\x1b[K');
    t.clear();
    await t.keys(' ');
    expect(t.out()).toContain('\x1b[H24\x1b[K');
    await t.keys('/');
    await t.type('77\r');
    expect(t.out()).toContain('\x1b[H77\x1b[K');
    await t.keys('G');
    expect(t.out()).toContain('(END)');
    await t.keys('q');
    await new Promise((r) => setTimeout(r, 10));
    expect(t.out()).toContain('\x1b[?1049l');
    t.clear();
    await t.type('more nums.txt\r');
    expect(t.out()).toContain('--More--(23%)');
    await t.keys('q');
    await new Promise((r) => setTimeout(r, 10));
    expect(t.out()).toMatch(/learner@workstation:~\$ $/);
    expect((await run(sh, 'less nums.txt | tail -1')).out).toBe('100\n');
    expect((await run(sh, 'more nope.txt')).err).toBe('more: nope.txt: No such file or directory\n');
  });
});
