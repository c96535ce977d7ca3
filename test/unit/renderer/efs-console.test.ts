/**
 * The EFS console's logic against a real in-process lab through the contract client: the Create
 * form's input, the list's columns and details, the mount target action, the network tab's rows
 * (zones, addresses, security groups) and the Attach commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileSystemInput, fileSystemsPage, mountCommands, mountTargetRows, sizeText } from '../../../src-renderer/views/efs/file-systems';
import { startInProcessLab, type InProcessLab } from '../renderer/in-process-lab';
import type { AwsCall } from '../../../src-renderer/composables/useAws';
import type { Row } from '../../../src-renderer/aws/json';

let lab: InProcessLab;
let call: AwsCall;

beforeAll(() => {
  lab = startInProcessLab();
  call = (service, operation, input = {}) => lab.client.request('aws.call', { service, operation, input, region: 'us-east-1' });
});
afterAll(() => lab.close());

const cell = (row: Row, title: string): string => {
  const c = fileSystemsPage.columns.find((x) => x.title === title)!;
  return typeof c.value === 'function' ? c.value(row) : String(row[c.value] ?? '');
};

describe('EFS console', () => {
  it('turns the Create form into CreateFileSystem', () => {
    expect(createFileSystemInput({ Name: 'home', PerformanceMode: 'generalPurpose', ThroughputMode: 'provisioned', ProvisionedThroughputInMibps: 8, Encrypted: true, Backup: false }, 'tok')).toEqual({
      CreationToken: 'tok', PerformanceMode: 'generalPurpose', ThroughputMode: 'provisioned', ProvisionedThroughputInMibps: 8, Encrypted: true, Backup: false, Tags: [{ Key: 'Name', Value: 'home' }],
    });
    expect(sizeText(6144)).toBe('6.00 KiB');
    expect(sizeText(1073741824 + 6144)).toBe('1.00 GiB');
  });

  it('creates a file system, lists it, adds a mount target and shows the network tab and Attach commands', async () => {
    const created = await fileSystemsPage.create!.run(call, { Name: 'console-home', PerformanceMode: 'generalPurpose', ThroughputMode: 'bursting', Encrypted: true });
    expect(created.message).toMatch(/^Creating file system fs-[0-9a-f]{17}\./);
    lab.engine.clock.advance(10_000);
    const rows = fileSystemsPage.describe.rows(await call('elasticfilesystem', 'DescribeFileSystems', {}));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect([cell(row, 'Name'), cell(row, 'State'), cell(row, 'Metered size'), cell(row, 'Encrypted')]).toEqual(['console-home', 'available', '6.00 KiB', 'Yes']);
    const subnet = ((await call('ec2', 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] })).Subnets as Row[])[0]!;
    const action = fileSystemsPage.actions.find((a) => a.label === 'Create mount target')!;
    expect((await action.run(call, { SubnetId: String(subnet.SubnetId) }, row)).message).toMatch(new RegExp(`in ${String(subnet.AvailabilityZone)}\\.$`));
    const mts = (await call('elasticfilesystem', 'DescribeMountTargets', { FileSystemId: String(row.FileSystemId) })).MountTargets as Row[];
    const sgs = await call('elasticfilesystem', 'DescribeMountTargetSecurityGroups', { MountTargetId: String(mts[0]!.MountTargetId) });
    const view = mountTargetRows(mts, { [String(mts[0]!.MountTargetId)]: sgs.SecurityGroups as string[] });
    expect(view).toEqual([{ zone: subnet.AvailabilityZone, id: mts[0]!.MountTargetId, subnet: subnet.SubnetId, address: mts[0]!.IpAddress, state: 'creating', groups: expect.stringMatching(/^sg-/) }]);
    expect(fileSystemsPage.details(row)).toContainEqual(['Throughput mode', 'bursting']);
    expect(mountCommands(String(row.FileSystemId), 'us-east-1')[0]!.command).toBe(
      `sudo mount -t nfs4 -o nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport ${String(row.FileSystemId)}.efs.us-east-1.amazonaws.com:/ /mnt/efs`,
    );
    const del = fileSystemsPage.actions.find((a) => a.label === 'Delete')!;
    await expect(del.run(call, {}, row)).rejects.toMatchObject({ code: 'FileSystemInUse' });
  });
});
