/** AWS::EFS::FileSystem with its policies and AWS::EFS::AccessPoint: real resources, attributes, and gone with the stack. */
import { afterAll, describe, expect, it } from 'vitest';
import { cfnLab } from '../cloudformation/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const lab = cfnLab();
afterAll(() => lab.engine.close());

const TEMPLATE = `
Resources:
  Jobs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      PerformanceMode: generalPurpose
      ThroughputMode: bursting
      LifecyclePolicies:
        - TransitionToIA: AFTER_30_DAYS
      BackupPolicy: { Status: ENABLED }
      FileSystemPolicy:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount' }
      FileSystemTags:
        - { Key: Name, Value: jobs }
  JobsEntry:
    Type: AWS::EFS::AccessPoint
    Properties:
      FileSystemId: !Ref Jobs
      PosixUser: { Uid: '1000', Gid: '1000' }
      RootDirectory:
        Path: /jenkins
        CreationInfo: { OwnerUid: '1000', OwnerGid: '1000', Permissions: '0755' }
Outputs:
  Arn: { Value: !GetAtt Jobs.Arn }
  EntryArn: { Value: !GetAtt JobsEntry.Arn }
  Dns: { Value: !Sub '\${Jobs}.efs.\${AWS::Region}.amazonaws.com' }
`;

describe('AWS::EFS resources', () => {
  it('creates the file system with its policies and an access point, and deletes both with the stack', async () => {
    await lab.cfn('CreateStack', { StackName: 'jobs', TemplateBody: TEMPLATE });
    await lab.settle(10 * 60_000, 1000);
    expect(await lab.status('jobs'), (await lab.events('jobs')).join('\n')).toBe('CREATE_COMPLETE');
    const out = Object.fromEntries(((await lab.cfn('DescribeStacks', { StackName: 'jobs' })).Stacks[0].Outputs as any[]).map((o) => [o.OutputKey, o.OutputValue]));
    const fs = (await lab.call('elasticfilesystem', 'DescribeFileSystems', {})).FileSystems[0];
    expect(fs).toMatchObject({ Name: 'jobs', Encrypted: true, LifeCycleState: 'available' });
    expect(fs.Tags).toEqual(expect.arrayContaining([{ Key: 'aws:cloudformation:logical-id', Value: 'Jobs' }]));
    expect(out.Arn).toBe(fs.FileSystemArn);
    expect(out.Dns).toBe(`${fs.FileSystemId}.efs.us-east-1.amazonaws.com`);
    expect((await lab.call('elasticfilesystem', 'DescribeLifecycleConfiguration', { FileSystemId: fs.FileSystemId })).LifecyclePolicies).toEqual([{ TransitionToIA: 'AFTER_30_DAYS' }]);
    expect((await lab.call('elasticfilesystem', 'DescribeBackupPolicy', { FileSystemId: fs.FileSystemId })).BackupPolicy).toEqual({ Status: 'ENABLED' });
    expect(JSON.parse((await lab.call('elasticfilesystem', 'DescribeFileSystemPolicy', { FileSystemId: fs.FileSystemId })).Policy).Statement[0].Action).toBe('elasticfilesystem:ClientMount');
    const ap = (await lab.call('elasticfilesystem', 'DescribeAccessPoints', { FileSystemId: fs.FileSystemId })).AccessPoints[0];
    expect(ap).toMatchObject({ AccessPointArn: out.EntryArn, PosixUser: { Uid: 1000, Gid: 1000 }, RootDirectory: { Path: '/jenkins', CreationInfo: { Permissions: '0755' } } });

    await lab.cfn('DeleteStack', { StackName: 'jobs' });
    await lab.settle(10 * 60_000, 1000);
    expect((await lab.call('elasticfilesystem', 'DescribeFileSystems', {})).FileSystems).toEqual([]);
    expect((await lab.call('elasticfilesystem', 'DescribeAccessPoints', {})).AccessPoints).toEqual([]);
  });
});
