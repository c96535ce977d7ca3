/* eslint-disable @typescript-eslint/no-explicit-any -- AWS responses are untyped JSON in these tests */
import { describe, expect, it } from 'vitest';
import { applyFilters, matchesPattern } from '../../../../src-main/engine/services/ec2/filters';
import { expectAwsError, netLab } from './lab';

describe('CreateTags / DeleteTags / DescribeTags', () => {
  it('tags several resources at once, overwrites values, deletes by key or by key and value', async () => {
    const lab = netLab();
    const vpc = (await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId;
    const sg = (await lab.ec2('DescribeSecurityGroups')).SecurityGroups[0].GroupId;
    await lab.ec2('CreateTags', { Resources: [vpc, sg], Tags: [{ Key: 'Name', Value: 'a' }, { Key: 'team', Value: 'ops' }] });
    await lab.ec2('CreateTags', { Resources: [vpc], Tags: [{ Key: 'Name', Value: 'b' }] });
    const all = await lab.ec2('DescribeTags');
    expect(all.Tags).toEqual(
      [
        { Key: 'Name', Value: 'a', ResourceId: sg, ResourceType: 'security-group' },
        { Key: 'team', Value: 'ops', ResourceId: sg, ResourceType: 'security-group' },
        { Key: 'Name', Value: 'b', ResourceId: vpc, ResourceType: 'vpc' },
        { Key: 'team', Value: 'ops', ResourceId: vpc, ResourceType: 'vpc' },
      ].sort((x, y) => x.ResourceId.localeCompare(y.ResourceId) || x.Key.localeCompare(y.Key)),
    );
    expect((await lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-type', Values: ['vpc'] }, { Name: 'key', Values: ['Na*'] }] })).Tags).toEqual([
      { Key: 'Name', Value: 'b', ResourceId: vpc, ResourceType: 'vpc' },
    ]);
    await lab.ec2('DeleteTags', { Resources: [vpc], Tags: [{ Key: 'Name', Value: 'not-b' }] });
    await lab.ec2('DeleteTags', { Resources: [sg], Tags: [{ Key: 'team' }] });
    expect((await lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-id', Values: [vpc, sg] }] })).Tags.map((t: any) => `${t.ResourceId}:${t.Key}`).sort()).toEqual(
      [`${sg}:Name`, `${vpc}:Name`, `${vpc}:team`].sort(),
    );
    await lab.ec2('DeleteTags', { Resources: [vpc] });
    expect((await lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-id', Values: [vpc] }] })).Tags).toEqual([]);
  });

  it('checks every resource and tag before writing anything', async () => {
    const lab = netLab();
    const vpc = (await lab.ec2('DescribeVpcs')).Vpcs[0].VpcId;
    await lab.rejects('CreateTags', { Resources: [vpc, 'vpc-0000000000000000a'], Tags: [{ Key: 'a', Value: 'b' }] }, 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0000000000000000a' does not exist");
    await lab.rejects('CreateTags', { Resources: [vpc, 'banana'], Tags: [{ Key: 'a', Value: 'b' }] }, 'InvalidID', "The ID 'banana' is not valid");
    await lab.rejects('CreateTags', { Resources: [vpc], Tags: [{ Key: 'aws:cloudformation:stack-name', Value: 'x' }] }, 'InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use");
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await lab.rejects('CreateTags', { Resources: [vpc], Tags: many }, 'TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
    await lab.rejects('CreateTags', { Resources: [vpc], Tags: [{ Key: 'a', Value: 'b' }], DryRun: true }, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  });
});

describe('filters', () => {
  it('match * and ? wildcards, with \\ escaping them, case-sensitively', () => {
    expect(matchesPattern('web-*', 'web-1')).toBe(true);
    expect(matchesPattern('web-?', 'web-12')).toBe(false);
    expect(matchesPattern('a\\*b', 'a*b')).toBe(true);
    expect(matchesPattern('a\\*b', 'axb')).toBe(false);
    expect(matchesPattern('Web', 'web')).toBe(false);
    expect(matchesPattern('10.0.*', '10.0.1.0/24')).toBe(true);
  });

  it('OR the values of one filter, AND the filters, and refuse unknown names (tag filters need tags)', () => {
    const rows = [
      { id: 'a', size: 1 },
      { id: 'b', size: 2 },
      { id: 'c', size: 2 },
    ];
    const table = { id: (r: { id: string }) => r.id, size: (r: { size: number }) => r.size };
    expect(applyFilters(rows, [{ Name: 'id', Values: ['a', 'c'] }], { table }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(applyFilters(rows, [{ Name: 'id', Values: ['a', 'c'] }, { Name: 'size', Values: ['2'] }], { table }).map((r) => r.id)).toEqual(['c']);
    expect(() => applyFilters(rows, [{ Name: 'tag:Name', Values: ['x'] }], { table })).toThrow("The filter 'tag:Name' is invalid");
  });
});

describe('DescribeRegions / DescribeAvailabilityZones', () => {
  it('lists the regions that need no opt-in, all of them on request, and the zones of the region', async () => {
    const lab = netLab();
    const regions = (await lab.ec2('DescribeRegions')).Regions;
    expect(regions[0]).toEqual({ Endpoint: 'ec2.us-east-1.amazonaws.com', RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' });
    expect(regions.every((r: any) => r.OptInStatus === 'opt-in-not-required')).toBe(true);
    const all = (await lab.ec2('DescribeRegions', { AllRegions: true })).Regions;
    expect(all.length).toBeGreaterThan(regions.length);
    expect(all.find((r: any) => r.RegionName === 'af-south-1').OptInStatus).toBe('not-opted-in');
    expect((await lab.ec2('DescribeRegions', { RegionNames: ['eu-west-1'] })).Regions.map((r: any) => r.RegionName)).toEqual(['eu-west-1']);
    await expectAwsError(lab.ec2('DescribeRegions', { RegionNames: ['mars-north-1'] }), 'InvalidParameterValue', 'Invalid region: mars-north-1');
    const zones = (await lab.ec2('DescribeAvailabilityZones', {}, 'eu-west-1')).AvailabilityZones;
    expect(zones.map((z: any) => [z.ZoneName, z.ZoneId])).toEqual([
      ['eu-west-1a', 'euw1-az1'],
      ['eu-west-1b', 'euw1-az2'],
      ['eu-west-1c', 'euw1-az3'],
    ]);
    expect(zones[0]).toEqual({
      State: 'available',
      OptInStatus: 'opt-in-not-required',
      Messages: [],
      RegionName: 'eu-west-1',
      ZoneName: 'eu-west-1a',
      ZoneId: 'euw1-az1',
      GroupName: 'eu-west-1',
      NetworkBorderGroup: 'eu-west-1',
      ZoneType: 'availability-zone',
    });
    await expectAwsError(lab.ec2('DescribeAvailabilityZones', { ZoneNames: ['us-east-1z'] }), 'InvalidZone.NotFound', "The zone 'us-east-1z' does not exist.");
  });
});
