import { describe, expect, it } from 'vitest';
import { cfnLab } from '../../cloudformation/lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
const template = JSON.stringify({
  Resources: {
    Archive: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketName: 'cfn-archive',
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: { Rules: [{ Id: 'glacier', Status: 'Enabled', Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 0 }], NoncurrentVersionExpirationInDays: 30 }] },
        CorsConfiguration: { CorsRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'], MaxAge: 300 }] },
      },
    },
  },
});

describe('AWS::S3::Bucket properties are applied', () => {
  it('versioning, lifecycle rules and CORS reach the bucket', async () => {
    const lab = cfnLab();
    await lab.cfn('CreateStack', { StackName: 'arch', TemplateBody: template });
    await lab.settle();
    expect((await lab.cfn('DescribeStacks', { StackName: 'arch' })).Stacks[0].StackStatus).toBe('CREATE_COMPLETE');
    expect(await lab.call('s3', 'GetBucketVersioning', { Bucket: 'cfn-archive' })).toEqual({ Status: 'Enabled' });
    const rules = (await lab.call('s3', 'GetBucketLifecycleConfiguration', { Bucket: 'cfn-archive' })).Rules as any[];
    expect(rules).toEqual([{ ID: 'glacier', Status: 'Enabled', Filter: {}, Transitions: [{ StorageClass: 'GLACIER', Days: 0 }], NoncurrentVersionExpiration: { NoncurrentDays: 30 } }]);
    expect((await lab.call('s3', 'GetBucketCors', { Bucket: 'cfn-archive' })).CORSRules).toEqual([{ AllowedMethods: ['GET'], AllowedOrigins: ['*'], MaxAgeSeconds: 300 }]);
  });
});
