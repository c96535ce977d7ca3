/** The ElastiCache console's pages drive a real in-process lab: create, describe, back up, restore, delete. */
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src-main/contract';
import { list, text } from '../../../src-renderer/aws/json';
import type { AwsCall } from '../../../src-renderer/composables/useAws';
import { backupsPage, clustersPage, endpointOf, subnetGroupsPage } from '../../../src-renderer/views/elasticache/pages';
import type { ResourcePage } from '../../../src-renderer/pages/types';
import { startInProcessLab, type InProcessLab } from './in-process-lab';

let lab: InProcessLab | undefined;
afterEach(() => lab?.close());

const rowsOf = async (call: AwsCall, page: ResourcePage) =>
  page.describe.rows(await call(page.describe.service ?? 'ec2', page.describe.operation, page.describe.input ?? {}));

/** Steps the lab clock a minute at a time until the page's row settles (at most an hour). */
async function settle(l: InProcessLab, call: AwsCall, page: ResourcePage, id: string) {
  for (let i = 0; i < 60; i++) {
    const row = (await rowsOf(call, page)).find((r) => text(r, page.idPath) === id);
    if (row && !page.transitional?.(row)) return row;
    l.engine.clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${id} did not settle`);
}

describe('ElastiCache console pages', () => {
  it('create a subnet group and a cluster, show its endpoint, back it up, restore and delete', async () => {
    const l = (lab = startInProcessLab());
    const call: AwsCall = (service, operation, input = {}) => l.client.request('aws.call', { service, operation, input: input as JsonObject, region: 'us-east-1' });
    const subnets = list(await call('ec2', 'DescribeSubnets'), 'Subnets').map((s) => text(s, 'SubnetId'));
    const sg = text(list(await call('ec2', 'DescribeSecurityGroups'), 'SecurityGroups')[0], 'GroupId');

    await subnetGroupsPage.create!.run(call, { CacheSubnetGroupName: 'cache', CacheSubnetGroupDescription: 'for the book', SubnetId: subnets[0], MoreSubnetIds: `${subnets[1]}, ${subnets[0]}` });
    const group = (await rowsOf(call, subnetGroupsPage)).find((r) => text(r, 'CacheSubnetGroupName') === 'cache')!;
    expect(subnetGroupsPage.subTables![0]!.rows(group).map((s) => text(s, 'SubnetIdentifier')).sort()).toEqual([subnets[0], subnets[1]].sort());

    const created = await clustersPage.create!.run(call, { CacheClusterId: 'mycache', CacheNodeType: 'cache.t2.micro', CacheSubnetGroupName: 'cache', SecurityGroupIds: sg, SnapshotRetentionLimit: 0 });
    expect(created.message).toContain('mycache');
    const cluster = await settle(l, call, clustersPage, 'mycache');
    expect(text(cluster, 'CacheClusterStatus')).toBe('available');
    expect(endpointOf(cluster)).toMatch(/^mycache\.\w+\.0001\.use1\.cache\.amazonaws\.com:6379$/);
    const details = Object.fromEntries(clustersPage.details(cluster));
    expect(details['Subnet group']).toBe('cache');
    expect(details['Security groups']).toBe(sg);
    expect(clustersPage.subTables![0]!.rows(cluster)).toHaveLength(1);

    const backUp = clustersPage.actions.find((a) => a.label === 'Back up')!;
    expect(backUp.enabled!(cluster)).toBe(true);
    await backUp.run(call, { SnapshotName: 'mycache-manual' }, cluster);
    const backup = await settle(l, call, backupsPage, 'mycache-manual');
    expect(text(backup, 'SnapshotStatus')).toBe('available');
    expect(text(backup, 'SnapshotSource')).toBe('manual');

    const restore = backupsPage.actions.find((a) => a.label === 'Restore')!;
    await restore.run(call, { CacheClusterId: 'restored', CacheNodeType: 'cache.t2.micro', CacheSubnetGroupName: 'cache', SecurityGroupIds: sg }, backup);
    expect(text(await settle(l, call, clustersPage, 'restored'), 'CacheClusterStatus')).toBe('available');

    // Deleting with a final backup leaves the backup, and the cluster goes away.
    const del = clustersPage.actions.find((a) => a.label === 'Delete')!;
    await del.run(call, { FinalSnapshotIdentifier: 'mycache-final' }, cluster);
    for (let i = 0; i < 30 && (await rowsOf(call, clustersPage)).some((r) => text(r, 'CacheClusterId') === 'mycache'); i++) l.engine.clock.advance(60_000);
    expect((await rowsOf(call, clustersPage)).map((r) => text(r, 'CacheClusterId'))).toEqual(['restored']);
    expect((await rowsOf(call, backupsPage)).map((r) => text(r, 'SnapshotName')).sort()).toEqual(['mycache-final', 'mycache-manual']);
  });

  it('answers bad input with ElastiCache’s own error', async () => {
    const l = (lab = startInProcessLab());
    const call: AwsCall = (service, operation, input = {}) => l.client.request('aws.call', { service, operation, input: input as JsonObject, region: 'us-east-1' });
    await expect(clustersPage.create!.run(call, { CacheClusterId: 'Bad_Name!', CacheNodeType: 'cache.t2.micro' })).rejects.toMatchObject({ code: 'InvalidParameterValue' });
  });
});
