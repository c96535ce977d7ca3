import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AWS from 'aws-sdk';
import { PutObjectCommand, CreateBucketCommand } from '@aws-sdk/client-s3';
import { awsCli, s3v3 } from '../../helpers/clients';
import { useLab } from '../../helpers/lab';
import { buildPythonSdk } from '../../../src-main/engine/services/lambda/python-sdk/build.mjs';
import { OWNER_TAG_PY, OWNER_TAG_TEMPLATE, eventually, zip } from './fixtures';

// A simulated minute every real second: EventBridge reads CloudTrail's history every 5 simulated seconds.
const lab = useLab({ extraArgs: ['--warp', '60'] });
beforeAll(() => void buildPythonSdk(), 120_000);

const v2 = <T>(Client: new (o: object) => T, creds = lab().credentials) =>
  new Client({ endpoint: lab().endpoint, region: 'us-east-1', accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, maxRetries: 0 });

describe('§7.3 ec2-owner-tag', () => {
  // CLI 2.9's `cloudformation package` sends its S3 upload to AWS itself (its --endpoint-url reaches
  // only CloudFormation), so the test does package's two steps: upload the zip, write CodeUri. The
  // book's own steps (deploy, launching an instance as mycli) go through Debian's CLI.
  it('deploy of the SAM template; an instance launched as mycli gets Owner=mycli', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'owner-tag-'));
    await s3v3(lab()).send(new CreateBucketCommand({ Bucket: 'ec2-owner-tag-lab' }));
    await s3v3(lab()).send(new PutObjectCommand({ Bucket: 'ec2-owner-tag-lab', Key: '5b1f0c9e', Body: zip({ 'lambda_function.py': OWNER_TAG_PY }) }));
    writeFileSync(join(dir, 'output.yaml'), OWNER_TAG_TEMPLATE.replace('CODE_URI', 's3://ec2-owner-tag-lab/5b1f0c9e'));
    const deploy = awsCli(lab(), ['cloudformation', 'deploy', '--stack-name', 'ec2-owner-tag', '--template-file', 'output.yaml', '--capabilities', 'CAPABILITY_IAM'], { cwd: dir });
    expect(deploy.stdout, deploy.stderr).toContain('Successfully created/updated stack - ec2-owner-tag');

    const iam = v2(AWS.IAM);
    await iam.createUser({ UserName: 'mycli' }).promise();
    await iam.attachUserPolicy({ UserName: 'mycli', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess' }).promise();
    const key = (await iam.createAccessKey({ UserName: 'mycli' }).promise()).AccessKey;
    const run = awsCli({ ...lab(), cliEnv: { ...lab().cliEnv, AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey } }, [
      'ec2', 'run-instances', '--image-id', 'ami-6057e21a', '--instance-type', 't2.micro', '--query', 'Instances[0].InstanceId', '--output', 'text',
    ]);
    const id = run.stdout.trim();
    expect(id, run.stderr).toMatch(/^i-[0-9a-f]{17}$/);
    const ec2 = v2(AWS.EC2);
    const tags = await eventually(async () => {
      const t = (await ec2.describeTags({ Filters: [{ Name: 'resource-id', Values: [id] }] }).promise()).Tags ?? [];
      return t.length ? t : undefined;
    }, 75_000); // a first Python sandbox boots CPython (and boto3) in real time: slow on a loaded machine
    expect(tags).toEqual([{ Key: 'Owner', Value: 'mycli', ResourceId: id, ResourceType: 'instance' }]);
  }, 150_000);
});
