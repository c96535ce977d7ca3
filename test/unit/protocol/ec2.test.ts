import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../src-main/engine/protocol/errors';
import { validateInput } from '../../../src-main/engine/protocol/validate';
import { AWS2, bodyString, fromV2, model, parseWithV2, testGateway, v2Config } from './helpers';

const ec2 = new AWS2.EC2(v2Config);

describe('ec2 protocol requests', () => {
  it('parses Name.N lists, filters and nested structures by their queryName', async () => {
    const { gateway, calls } = testGateway(() => ({}));
    await gateway.handle(
      fromV2(ec2, 'runInstances', {
        ImageId: 'ami-123',
        InstanceType: 't2.micro',
        MinCount: 1,
        MaxCount: 2,
        SecurityGroupIds: ['sg-1', 'sg-2'],
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, DeleteOnTermination: true } }],
        DryRun: false,
      }),
    );
    await gateway.handle(fromV2(ec2, 'describeInstances', { Filters: [{ Name: 'instance-state-name', Values: ['running', 'pending'] }], InstanceIds: ['i-1'] }));
    expect(calls[0]!.operation).toBe('RunInstances');
    expect(calls[0]!.input).toEqual({
      ImageId: 'ami-123',
      InstanceType: 't2.micro',
      MinCount: 1,
      MaxCount: 2,
      SecurityGroupIds: ['sg-1', 'sg-2'],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, DeleteOnTermination: true } }],
      DryRun: false,
      ClientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
    expect(calls[1]!.input).toEqual({ Filters: [{ Name: 'instance-state-name', Values: ['running', 'pending'] }], InstanceIds: ['i-1'] });
  });
});

describe('ec2 protocol responses', () => {
  it('writes lowerCamel names, <item> lists and requestId, and SDK v2 reads them back', async () => {
    const launched = new Date('2024-06-07T08:09:10.000Z');
    const { gateway, calls } = testGateway(() => ({
      Reservations: [
        {
          ReservationId: 'r-1',
          OwnerId: '123456789012',
          Instances: [{ InstanceId: 'i-1', State: { Code: 16, Name: 'running' }, LaunchTime: launched, Tags: [{ Key: 'Name', Value: 'a<b' }] }],
        },
      ],
    }));
    const res = await gateway.handle(fromV2(ec2, 'describeInstances', {}));
    const xml = bodyString(res);
    expect(xml).toContain(`<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${calls[0]!.requestId}</requestId><reservationSet><item><instancesSet><item><instanceId>i-1</instanceId>`);
    expect(xml).toContain('<launchTime>2024-06-07T08:09:10.000Z</launchTime><instanceState><code>16</code><name>running</name></instanceState>');
    expect(xml).toContain('<tagSet><item><key>Name</key><value>a&lt;b</value></item></tagSet>');
    const out = await parseWithV2<{ Reservations: { Instances: { InstanceId: string; State: { Code: number }; LaunchTime: Date; Tags: unknown[] }[] }[] }>(ec2, 'describeInstances', {}, res);
    const inst = out.Reservations[0]!.Instances[0]!;
    expect(inst.InstanceId).toBe('i-1');
    expect(inst.State.Code).toBe(16);
    expect(inst.LaunchTime).toEqual(launched);
    expect(inst.Tags).toEqual([{ Key: 'Name', Value: 'a<b' }]);
  });

  it('answers errors as <Response><Errors>', async () => {
    const { gateway } = testGateway(() => {
      throw new AwsError('InvalidInstanceID.NotFound', "The instance ID 'i-9' does not exist", 400);
    });
    const res = await gateway.handle(fromV2(ec2, 'describeInstances', { InstanceIds: ['i-9'] }));
    const id = /<RequestID>(.*)<\/RequestID>/.exec(bodyString(res))![1];
    expect(res.status).toBe(400);
    expect(bodyString(res)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-9' does not exist</Message></Error></Errors><RequestID>${id}</RequestID></Response>`,
    );
    const err = await parseWithV2(ec2, 'describeInstances', {}, res).catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-9' does not exist" });
  });
});

describe('ec2 validation wording', () => {
  it('answers MissingParameter with the wire name', () => {
    const err = validateInput(model('ec2'), 'RunInstances', { MinCount: 1, MaxCount: 1, ImageId: 'ami-1' });
    expect(err).toBeUndefined();
    const missing = validateInput(model('ec2'), 'CreateKeyPair', {});
    expect([missing?.code, missing?.message, missing?.status]).toEqual(['MissingParameter', 'The request must contain the parameter KeyName', 400]);
  });

  it('answers InvalidParameterValue for a value of the wrong type', () => {
    const err = validateInput(model('ec2'), 'DescribeInstances', { MaxResults: 'ten' });
    expect([err?.code, err?.message]).toEqual(['InvalidParameterValue', 'Value (ten) for parameter MaxResults is invalid.']);
  });
});
