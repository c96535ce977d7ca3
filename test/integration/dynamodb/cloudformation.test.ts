import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, repoRoot, startLab, type RunningLab } from '../../helpers/lab';

// Chapter 13's optional tables.yaml (§13.9.2) through CloudFormation with aws-sdk v2.
let lab: RunningLab;
let cfn: AWS.CloudFormation;
let ddb: AWS.DynamoDB;
let aas: AWS.ApplicationAutoScaling;
beforeAll(async () => {
  lab = await startLab({ extraArgs: ['--warp', '200'] });
  const common = {
    endpoint: lab.endpoint,
    region: 'us-east-1',
    credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey),
    maxRetries: 0,
  };
  cfn = new AWS.CloudFormation(common);
  ddb = new AWS.DynamoDB(common);
  aas = new AWS.ApplicationAutoScaling(common);
});
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

describe('AWS::DynamoDB::Table and Application Auto Scaling through CloudFormation', () => {
  it('creates the tables, the GSI and the scaling targets/policies, then deletes them all', async () => {
    const body = readFileSync(join(repoRoot, 'test', 'integration', 'dynamodb', 'fixtures', 'tables.yaml'), 'utf8');
    await cfn.createStack({ StackName: 'nodetodo', TemplateBody: body, Capabilities: ['CAPABILITY_IAM'] }).promise();
    const done = await cfn
      .waitFor('stackCreateComplete', { StackName: 'nodetodo', $waiter: { delay: 1, maxAttempts: 60 } })
      .promise();
    const outputs = Object.fromEntries(done.Stacks![0]!.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.UserTableArn).toMatch(/^arn:aws:dynamodb:us-east-1:\d{12}:table\/todo-user$/);
    const task = (await ddb.describeTable({ TableName: 'todo-task' }).promise()).Table!;
    expect(task.GlobalSecondaryIndexes![0]).toMatchObject({ IndexName: 'category-index', IndexStatus: 'ACTIVE' });
    const targets = (await aas.describeScalableTargets({ ServiceNamespace: 'dynamodb' }).promise()).ScalableTargets!;
    expect(
      targets.map((t) => `${t.ResourceId} ${t.ScalableDimension} ${t.MinCapacity}-${t.MaxCapacity}`).sort(),
    ).toEqual([
      'table/todo-task dynamodb:table:WriteCapacityUnits 1-20',
      'table/todo-user dynamodb:table:ReadCapacityUnits 1-20',
    ]);
    const policies = (await aas.describeScalingPolicies({ ServiceNamespace: 'dynamodb' }).promise()).ScalingPolicies!;
    expect(policies.map((p) => p.PolicyName).sort()).toEqual(['nodetodo-task-write', 'nodetodo-user-read']);
    expect(policies[0]!.TargetTrackingScalingPolicyConfiguration!.TargetValue).toBe(50);

    // A GSI swap is an in-place update: the table (and its items) stay.
    await ddb
      .putItem({ TableName: 'todo-task', Item: { uid: { S: 'michael' }, tid: { N: '1' }, category: { S: 'home' } } })
      .promise();
    await cfn
      .updateStack({
        StackName: 'nodetodo',
        TemplateBody: body.replace("IndexName: 'category-index'", "IndexName: 'by-category'"),
        Capabilities: ['CAPABILITY_IAM'],
      })
      .promise();
    await cfn
      .waitFor('stackUpdateComplete', { StackName: 'nodetodo', $waiter: { delay: 1, maxAttempts: 60 } })
      .promise();
    const swapped = (await ddb.describeTable({ TableName: 'todo-task' }).promise()).Table!;
    expect(swapped.GlobalSecondaryIndexes!.map((g) => `${g.IndexName} ${g.IndexStatus} ${g.ItemCount}`)).toEqual([
      'by-category ACTIVE 1',
    ]);
    expect(swapped.ItemCount).toBe(1);

    await cfn.deleteStack({ StackName: 'nodetodo' }).promise();
    await cfn
      .waitFor('stackDeleteComplete', { StackName: 'nodetodo', $waiter: { delay: 1, maxAttempts: 60 } })
      .promise();
    expect((await ddb.listTables({}).promise()).TableNames).toEqual([]);
    expect((await aas.describeScalableTargets({ ServiceNamespace: 'dynamodb' }).promise()).ScalableTargets).toEqual([]);
  });
});
