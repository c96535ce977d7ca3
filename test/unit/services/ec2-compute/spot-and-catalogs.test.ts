import { describe, expect, it } from 'vitest';
import { BOOK_AMI, ec2Lab, expectAwsError } from './lab';

describe('DescribeImages and DescribeInstanceTypes', () => {
  it('finds the book AMI by its name filter in every region the book uses (§4.2.4)', async () => {
    const { ec2 } = ec2Lab();
    const filters = [{ Name: 'name', Values: ['amzn-ami-hvm-2017.09.1.*-x86_64-gp2'] }];
    const east = await ec2('DescribeImages', { Filters: filters });
    expect(east.Images.map((i: { ImageId: string }) => i.ImageId)).toEqual([BOOK_AMI]);
    expect(east.Images[0]).toMatchObject({
      Name: 'amzn-ami-hvm-2017.09.1.20180115-x86_64-gp2',
      OwnerId: '137112412989',
      ImageOwnerAlias: 'amazon',
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      VirtualizationType: 'hvm',
      State: 'available',
      Public: true,
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp2', DeleteOnTermination: true, Encrypted: false } }],
    });
    const sydney = await ec2('DescribeImages', { Filters: filters }, 'ap-southeast-2');
    expect(sydney.Images.map((i: { ImageId: string }) => i.ImageId)).toEqual(['ami-1a668878']);
    const ubuntu = await ec2('DescribeImages', { Owners: ['099720109477'], Filters: [{ Name: 'name', Values: ['*xenial-16.04*'] }] });
    expect(ubuntu.Images).toHaveLength(1);
    expect(ubuntu.Images[0].RootDeviceName).toBe('/dev/sda1');
  });

  it('answers InvalidAMIID.NotFound for an unknown image', async () => {
    const { ec2 } = ec2Lab();
    await expectAwsError(ec2('DescribeImages', { ImageIds: ['ami-00000000'] }), 'InvalidAMIID.NotFound', "The image id '[ami-00000000]' does not exist");
  });

  it('describes instance types from the catalog (Table 3.1)', async () => {
    const { ec2 } = ec2Lab();
    const out = await ec2('DescribeInstanceTypes', { InstanceTypes: ['t2.micro', 'm3.medium'] });
    const byName = new Map(out.InstanceTypes.map((t: { InstanceType: string }) => [t.InstanceType, t]));
    expect(byName.get('t2.micro')).toMatchObject({ FreeTierEligible: true, VCpuInfo: { DefaultVCpus: 1 }, MemoryInfo: { SizeInMiB: 1024 }, InstanceStorageSupported: false });
    expect(byName.get('m3.medium')).toMatchObject({
      InstanceStorageSupported: true,
      InstanceStorageInfo: { TotalSizeInGB: 4, Disks: [{ SizeInGB: 4, Count: 1, Type: 'ssd' }] },
    });
    await expectAwsError(ec2('DescribeInstanceTypes', { InstanceTypes: ['t9.huge'] }), 'InvalidParameterValue', "Invalid value 't9.huge' for InstanceType.");
  });
});

describe('instance store (§9.2)', () => {
  it('an m3.medium with an ephemeral0 mapping has the disk; a t2.micro ignores it', async () => {
    const lab = ec2Lab();
    const mapping = [{ DeviceName: '/dev/xvdb', VirtualName: 'ephemeral0' }];
    const m3 = (await lab.ec2('RunInstances', { ImageId: BOOK_AMI, InstanceType: 'm3.medium', MinCount: 1, MaxCount: 1, BlockDeviceMappings: mapping })).Instances[0];
    const t2 = (await lab.ec2('RunInstances', { ImageId: BOOK_AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, BlockDeviceMappings: mapping })).Instances[0];
    const store = (id: string) =>
      JSON.parse((lab.engine.store.db.prepare('SELECT instance_store FROM ec2_instances WHERE instance_id = ?').get(id) as { instance_store: string | null }).instance_store ?? '[]');
    expect(store(m3.InstanceId)).toEqual([{ deviceName: '/dev/xvdb', virtualName: 'ephemeral0', sizeGB: 4, type: 'ssd', dataId: `ephemeral:${m3.InstanceId}:0` }]);
    expect(store(t2.InstanceId)).toEqual([]);
    // Instance store is not an EBS mapping: only the root volume shows.
    expect(m3.BlockDeviceMappings.map((b: { DeviceName: string }) => b.DeviceName)).toEqual(['/dev/xvda']);
  });
});

describe('spot instances (§3.8)', () => {
  it('price history hovers around 30 % of on-demand; a request at the on-demand price is fulfilled, cancel keeps the instance', async () => {
    const { ec2, advance } = ec2Lab();
    const hist = await ec2('DescribeSpotPriceHistory', { InstanceTypes: ['m3.medium'], AvailabilityZone: 'us-east-1a' });
    expect(hist.SpotPriceHistory.length).toBeGreaterThan(10);
    for (const p of hist.SpotPriceHistory) {
      expect(p).toMatchObject({ InstanceType: 'm3.medium', AvailabilityZone: 'us-east-1a', ProductDescription: 'Linux/UNIX' });
      expect(Number(p.SpotPrice)).toBeGreaterThanOrEqual(0.067 * 0.28 - 1e-4);
      expect(Number(p.SpotPrice)).toBeLessThanOrEqual(0.067 * 0.34 + 1e-4);
    }
    const req = await ec2('RequestSpotInstances', {
      SpotPrice: '0.093',
      InstanceCount: 1,
      Type: 'one-time',
      LaunchSpecification: { ImageId: BOOK_AMI, InstanceType: 'm3.medium' },
      TagSpecifications: [{ ResourceType: 'spot-instances-request', Tags: [{ Key: 'Name', Value: 'spotinstance' }] }],
    });
    const sir = req.SpotInstanceRequests[0];
    expect(sir.SpotInstanceRequestId).toMatch(/^sir-[0-9a-z]{8}$/);
    expect(sir).toMatchObject({ State: 'open', Status: { Code: 'pending-evaluation' }, SpotPrice: '0.093', Type: 'one-time' });
    advance(10_000);
    let d = await ec2('DescribeSpotInstanceRequests', { SpotInstanceRequestIds: [sir.SpotInstanceRequestId] });
    const active = d.SpotInstanceRequests[0];
    expect(active).toMatchObject({ State: 'active', Status: { Code: 'fulfilled', Message: 'Your Spot request is fulfilled.' }, LaunchedAvailabilityZone: 'us-east-1a' });
    const inst = (await ec2('DescribeInstances', { InstanceIds: [active.InstanceId] })).Reservations[0].Instances[0];
    expect(inst).toMatchObject({ InstanceLifecycle: 'spot', SpotInstanceRequestId: sir.SpotInstanceRequestId, InstanceType: 'm3.medium' });
    const cancel = await ec2('CancelSpotInstanceRequests', { SpotInstanceRequestIds: [sir.SpotInstanceRequestId] });
    expect(cancel.CancelledSpotInstanceRequests).toEqual([{ SpotInstanceRequestId: sir.SpotInstanceRequestId, State: 'cancelled' }]);
    d = await ec2('DescribeSpotInstanceRequests', {});
    expect(d.SpotInstanceRequests[0]).toMatchObject({ State: 'cancelled', Status: { Code: 'request-canceled-and-instance-running' } });
    expect((await ec2('DescribeInstances', { InstanceIds: [active.InstanceId] })).Reservations[0].Instances[0].State.Name).not.toBe('terminated');
  });

  it('a request below the market stays open with price-too-low', async () => {
    const { ec2, advance } = ec2Lab();
    const req = await ec2('RequestSpotInstances', { SpotPrice: '0.001', LaunchSpecification: { ImageId: BOOK_AMI, InstanceType: 'm3.medium' } });
    advance(10_000);
    const d = await ec2('DescribeSpotInstanceRequests', { SpotInstanceRequestIds: [req.SpotInstanceRequests[0].SpotInstanceRequestId] });
    expect(d.SpotInstanceRequests[0]).toMatchObject({ State: 'open', Status: { Code: 'price-too-low' } });
    expect(d.SpotInstanceRequests[0].InstanceId).toBeUndefined();
  });

  it('refuses a bad launch specification up front', async () => {
    const { ec2, count } = ec2Lab();
    await expectAwsError(
      ec2('RequestSpotInstances', { SpotPrice: '0.05', LaunchSpecification: { ImageId: BOOK_AMI, InstanceType: 'x1.nope' } }),
      'InvalidParameterValue',
      "Invalid value 'x1.nope' for InstanceType.",
    );
    expect(count('ec2_spot_requests')).toBe(0);
  });
});

describe('DescribeInstances over many instances', () => {
  // bench/ec2.ts measures the same over 5,000 instances (goal: median under 20 ms).
  it('a tag filter over 1,000 instances looks the tag up instead of reading every instance', { timeout: 60_000 }, async () => {
    const lab = ec2Lab();
    const zones = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let i = 0, batch = 0; i < 1000; i += 32, batch++) {
      const n = Math.min(32, 1000 - i);
      const zone = `us-east-1${zones[batch % zones.length]}`;
      await lab.ec2('RunInstances', { ImageId: BOOK_AMI, InstanceType: 't2.nano', MinCount: n, MaxCount: n, Placement: { AvailabilityZone: zone } });
      // Mark them stopped at once so the region's instance limit never bites.
      lab.engine.store.db.prepare("UPDATE ec2_instances SET state = 'stopped'").run();
    }
    const ids = (lab.engine.store.db.prepare('SELECT instance_id FROM ec2_instances ORDER BY id').all() as { instance_id: string }[]).map((r) => r.instance_id);
    expect(ids).toHaveLength(1000);
    await lab.ec2('CreateTags', { Resources: [ids[777]], Tags: [{ Key: 'Name', Value: 'needle' }] });
    const t0 = performance.now();
    const d = await lab.ec2('DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['needle'] }] });
    const ms = performance.now() - t0;
    expect(d.Reservations).toHaveLength(1);
    expect(d.Reservations[0].Instances.map((i: { InstanceId: string }) => i.InstanceId)).toEqual([ids[777]]);
    expect(ms).toBeLessThan(100);
  });
});
