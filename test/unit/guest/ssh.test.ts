import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, script, shellOf, workstation } from './harness';
import { Terminal } from '../../../src-main/engine/guest/terminal';

async function withKey(world: ReturnType<typeof createWorld>, mode = '400') {
  const ws = await workstation(world);
  const me = shellOf(ws);
  ws.rootFs.writeSync('/home/learner/mykey.pem', new TextEncoder().encode(world.key.privatePem), false);
  ws.rootFs.chownSync('/home/learner/mykey.pem', 1000, 1000);
  await run(me, `chmod ${mode} mykey.pem`);
  return me;
}

describe('ssh from the workstation', () => {
  it('logs in with a mode-400 key, runs commands there, and exit returns to the workstation', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const me = await withKey(world);
    const ip = g.identity.interfaces[0]!.publicIp!;
    const host = g.identity.interfaces[0]!.privateDns.split('.')[0];
    const r = await script(me, [`ssh -i mykey.pem -o StrictHostKeyChecking=no ec2-user@${ip}`, 'whoami', 'hostname', 'exit', 'whoami'], 'interactive');
    expect(r.output).toContain(`Warning: Permanently added '${ip}' (ECDSA) to the list of known hosts.\n`);
    expect(r.output).toContain('       __|  __|_  )\n');
    expect(r.output).toContain(`[ec2-user@${host} ~]$ whoami\nec2-user\n[ec2-user@${host} ~]$ hostname\n${host}\n[ec2-user@${host} ~]$ exit\nlogout\nConnection to ${ip} closed.\nlearner@workstation:~$ whoami\nlearner\n`);
    expect(r.status).toBe(0);
  });

  it('a line typed right behind exit runs on the workstation, not glued to exit (no "exithostname")', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const me = await withKey(world);
    const ip = g.identity.interfaces[0]!.publicIp!;
    let output = '';
    let idle: () => void = () => {};
    const term = new Terminal({ program: me, mode: 'interactive', onOutput: (d) => (output += d), onIdle: () => idle() });
    const typed = (text: string) => new Promise<void>((r) => ((idle = r), term.input(text)));
    await typed(`ssh -i mykey.pem -o StrictHostKeyChecking=no ec2-user@${ip}\r`);
    output = '';
    // Both lines in one burst, as a fast typist or a paste sends them.
    term.input('exit\rwhoami\r');
    for (let i = 0; i < 100 && !/learner\r?\n/.test(output); i++) await new Promise((r) => setTimeout(r, 10));
    const text = output.replace(/\r\n/g, '\n');
    expect(text).toContain(`Connection to ${ip} closed.\n`);
    expect(text).toMatch(/learner@workstation:~\$ whoami\nlearner\n/);
    expect(text).not.toContain('command not found');
  });

  it('refuses a key readable by others with OpenSSH’s warning', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const me = await withKey(world, '644');
    const ip = g.identity.interfaces[0]!.publicIp!;
    expect(await run(me, `ssh -i mykey.pem -o StrictHostKeyChecking=no ec2-user@${ip} true`)).toEqual({
      out: '',
      err: `@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\nPermissions 0644 for 'mykey.pem' are too open.\nIt is required that your private key files are NOT accessible by others.\nThis private key will be ignored.\nLoad key "mykey.pem": bad permissions\nWarning: Permanently added '${ip}' (ECDSA) to the list of known hosts.\nec2-user@${ip}: Permission denied (publickey).\n`,
      code: 255,
    });
  });

  it('denies the wrong user and the wrong key, runs remote commands, asks about unknown hosts', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const me = await withKey(world);
    const ip = g.identity.interfaces[0]!.publicIp!;
    expect((await run(me, `ssh -i mykey.pem -o StrictHostKeyChecking=no ubuntu@${ip} true`)).err).toBe(`Warning: Permanently added '${ip}' (ECDSA) to the list of known hosts.\nubuntu@${ip}: Permission denied (publickey).\n`);
    expect(await run(me, `ssh -i mykey.pem ec2-user@${ip} 'echo $USER on $(hostname)'`)).toEqual({ out: `ec2-user on ${g.identity.interfaces[0]!.privateDns.split('.')[0]}\n`, err: '', code: 0 });
    const fresh = await bootInstance(world);
    const fip = fresh.identity.interfaces[0]!.publicIp!;
    const r = await script(me, [`ssh -i mykey.pem ec2-user@${fip}`, 'no'], 'interactive');
    expect(r.output).toContain(`The authenticity of host '${fip} (${fip})' can't be established.\nECDSA key fingerprint is SHA256:`);
    expect(r.output).toContain('Are you sure you want to continue connecting (yes/no/[fingerprint])? no\nHost key verification failed.\n');
    expect(r.status).toBe(255);
  });

  it('times out when tcp/22 is blocked, on the simulated clock', async () => {
    const world = createWorld();
    const g = await bootInstance(world);
    const me = await withKey(world);
    const ip = g.identity.interfaces[0]!.publicIp!;
    world.rules.push((_f, to, _p, port) => (to === ip && port === 22 ? { ok: false, failure: 'timeout', reason: { code: 'SecurityGroupIngress', message: 'no rule allows tcp/22' } } : undefined));
    expect(await run(me, `ssh -i mykey.pem ec2-user@${ip}`)).toEqual({ out: '', err: `ssh: connect to host ${ip} port 22: Connection timed out\n`, code: 255 });
  });

  it('reaches a private instance through a bastion with agent forwarding and with -J (§6.4.5)', async () => {
    const world = createWorld();
    const bastion = await bootInstance(world);
    const inner = await bootInstance(world);
    const innerIp = inner.identity.interfaces[0]!.privateIp;
    const bastionIp = bastion.identity.interfaces[0]!.publicIp!;
    // Only the bastion may reach the inner instance.
    world.rules.push((from, to) => (to === inner.identity.interfaces[0]!.publicIp || (to === innerIp && from.identity.id !== bastion.identity.id) ? { ok: false, failure: 'timeout' } : undefined));
    const me = await withKey(world);
    expect((await run(me, 'ssh-add mykey.pem')).err).toBe('Could not open a connection to your authentication agent.\n');
    const r = await script(me, ['eval $(ssh-agent) > /dev/null', 'ssh-add mykey.pem', `ssh -A -o StrictHostKeyChecking=no ec2-user@${bastionIp}`, `ssh -o StrictHostKeyChecking=no ${innerIp} hostname`, 'exit'], 'interactive');
    expect(r.output).toContain('Identity added: mykey.pem (mykey.pem)\n');
    expect(r.output).toContain(`${inner.identity.interfaces[0]!.privateDns.split('.')[0]}\n`);
    const j = await run(me, `ssh -i mykey.pem -o StrictHostKeyChecking=no -J ec2-user@${bastionIp} ec2-user@${innerIp} whoami`);
    expect(j).toEqual({ out: 'ec2-user\n', err: `Warning: Permanently added '${innerIp}' (ECDSA) to the list of known hosts.\n`, code: 0 });
  });
});
