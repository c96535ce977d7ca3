import { describe, expect, it } from 'vitest';
import { bootInstance, createWorld, run, shellOf } from './harness';

describe('instance metadata service (169.254.169.254)', () => {
  it('answers identity, network and placement paths', async () => {
    const world = createWorld();
    const g = await bootInstance(world, { userData: '#!/bin/bash\necho hi\n' });
    const sh = shellOf(g);
    const md = 'http://169.254.169.254/latest/meta-data';
    const eth0 = g.identity.interfaces[0]!;
    expect((await run(sh, `curl -s ${md}/instance-id`)).out).toBe(g.identity.id);
    expect((await run(sh, `curl -s ${md}/local-ipv4; echo; curl -s ${md}/public-ipv4; echo; curl -s ${md}/placement/availability-zone`)).out).toBe(`${eth0.privateIp}\n${eth0.publicIp}\nus-east-1a`);
    expect((await run(sh, `curl -s ${md}/instance-type; echo; curl -s ${md}/ami-id; echo; curl -s ${md}/local-hostname`)).out).toBe(`t2.micro\nami-6057e21a\n${eth0.privateDns}`);
    expect((await run(sh, `curl -s ${md}/network/interfaces/macs/${eth0.mac}/subnet-ipv4-cidr-block`)).out).toBe('172.31.0.0/20');
    expect((await run(sh, `curl -s ${md}/`)).out.split('\n')).toContain('placement/');
    expect((await run(sh, 'curl -s http://169.254.169.254/latest/user-data')).out).toBe('#!/bin/bash\necho hi\n');
    expect((await run(sh, `curl -s -o /dev/null -w x ${md}/nothing-here; curl -s ${md}/nothing-here | grep -c "404 - Not Found"`)).out).toBe('2\n');
  });

  it('hands out IMDSv2 tokens and refuses a wrong one', async () => {
    const world = createWorld();
    const sh = shellOf(await bootInstance(world));
    const t = await run(sh, 'TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"); curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-type');
    expect(t.out).toBe('t2.micro');
    expect((await run(sh, 'curl -s -i -H "X-aws-ec2-metadata-token: bogus" http://169.254.169.254/latest/meta-data/instance-type | head -1')).out).toBe('HTTP/1.1 401 Unauthorized\r\n');
  });

  it('gives the instance role’s temporary credentials', async () => {
    const world = createWorld();
    const sh = shellOf(await bootInstance(world, { iamRole: 'ec2-self-stop', instanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/p' }));
    expect((await run(sh, 'curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/')).out).toBe('ec2-self-stop');
    const creds = JSON.parse((await run(sh, 'curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/ec2-self-stop')).out) as Record<string, string>;
    expect(creds).toEqual({ Code: 'Success', LastUpdated: '2026-11-26T20:00:00Z', Type: 'AWS-HMAC', AccessKeyId: 'ASIATESTTESTTESTTEST', SecretAccessKey: 'secret', Token: 'token', Expiration: '2026-11-27T02:00:00Z' });
  });

  it('is not there on the workstation', async () => {
    const world = createWorld();
    const { workstation } = await import('./harness');
    const me = shellOf(await workstation(world));
    expect(await run(me, 'curl -s -m 2 http://169.254.169.254/latest/meta-data/; echo $?')).toEqual({ out: '28\n', err: '', code: 0 });
  });
});
