/**
 * §11.1–§11.2 through CloudFormation: a chapter-11-shaped template (our own fixture) makes a VPC, a
 * MySQL DB instance in private subnets and a web server; the stack's DBHostName output resolves
 * from the web server, which imports a WordPress-shaped dump with mysql and reads the posts back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestShell } from '../../../../src-main/engine/guest/session';
import { cfnLab, type CfnLab } from '../../cloudformation/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'rds');
let lab: CfnLab;

beforeAll(() => {
  lab = cfnLab();
});

// Engines close their files before they exit: slower than a hook's default on a busy machine.
afterAll(async () => {
  lab.engine.close();
  await lab.engine.supervisor.dispose();
}, 60_000);

describe('AWS::RDS::DBInstance and AWS::RDS::DBSubnetGroup', () => {
  it('creates the chapter 11 stack; the web server imports a dump into the database', { timeout: 300_000 }, async () => {
    await lab.cfn('CreateStack', { StackName: 'wordpress', TemplateBody: readFileSync(join(FIXTURES, 'chapter11-wordpress.yaml'), 'utf8') });
    await lab.settle(3_600_000, 10_000);
    expect(await lab.status('wordpress')).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries(((await lab.cfn('DescribeStacks', { StackName: 'wordpress' })).Stacks[0].Outputs as any[]).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.DBHostName).toMatch(/\.us-east-1\.rds\.amazonaws\.com$/);
    expect(outputs.DBPort).toBe('3306');
    const db = (await lab.call('rds', 'DescribeDBInstances', {})).DBInstances[0];
    expect(db).toMatchObject({ Engine: 'mysql', DBInstanceStatus: 'available', DBName: 'wordpress', BackupRetentionPeriod: 0, Endpoint: { Address: outputs.DBHostName } });
    expect(db.DBSubnetGroup.Subnets.map((s: any) => s.SubnetAvailabilityZone.Name).sort()).toEqual(['us-east-1a', 'us-east-1b']);

    await lab.run(120_000, 10_000);
    const g = await lab.engine.terminals.guest(outputs.WebServerId);
    const shell = new GuestShell(g!, g!.user('ec2-user')!);
    expect((await shell.exec('sudo yum -y install mysql')).exitCode).toBe(0);
    await shell.fs.writeFile('/home/ec2-user/wordpress-import.sql', readFileSync(join(FIXTURES, 'wordpress-dump.sql'), 'utf8'));
    const imp = await shell.exec(`mysql --host ${outputs.DBHostName} --user wordpress -pwordpress-secret wordpress < /home/ec2-user/wordpress-import.sql`);
    expect(imp).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const posts = await shell.exec(`mysql --host ${outputs.DBHostName} --user wordpress -pwordpress-secret wordpress -e "SELECT post_title FROM wp_posts"`);
    expect(posts.stdout).toBe('post_title\nHello world\nMoving the database to RDS\nSnapshots before upgrades\n');

    await lab.cfn('DeleteStack', { StackName: 'wordpress' });
    await lab.settle(3_600_000, 10_000);
    expect((await lab.call('rds', 'DescribeDBInstances', {})).DBInstances).toEqual([]);
    expect((await lab.call('rds', 'DescribeDBSubnetGroups', {})).DBSubnetGroups).toEqual([]);
  });
});
