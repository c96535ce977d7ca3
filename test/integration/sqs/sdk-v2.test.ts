import { describe, expect, it } from 'vitest';
import AWS from 'aws-sdk';
import { useLab, type RunningLab } from '../../helpers/lab';

// A url2png-shaped producer and worker (chapter 15) written against aws-sdk v2, which verifies
// MD5OfMessageBody on send, batch send and receive (computeChecksums defaults to on).
const getLab = useLab();

const v2 = (lab: RunningLab) => {
  const options = { endpoint: lab.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey), maxRetries: 0 };
  return { sqs: new AWS.SQS(options), s3: new AWS.S3({ ...options, s3ForcePathStyle: true }) };
};

describe('SQS through aws-sdk v2', () => {
  it('producer sends jobs, worker long-polls, writes results to S3 and deletes; counters right along the way', async () => {
    const { sqs, s3 } = v2(getLab());
    expect(sqs.config.computeChecksums).toBe(true);
    await s3.createBucket({ Bucket: 'url2png-results' }).promise();
    const { QueueUrl } = await sqs.createQueue({ QueueName: 'url2png' }).promise();
    const count = async () => Number((await sqs.getQueueAttributes({ QueueUrl: QueueUrl!, AttributeNames: ['ApproximateNumberOfMessages'] }).promise()).Attributes!.ApproximateNumberOfMessages);

    // Producer.
    for (let i = 0; i < 3; i++) {
      await sqs.sendMessage({ QueueUrl: QueueUrl!, MessageBody: JSON.stringify({ id: `job-${i}`, url: `http://example.com/${i}` }), MessageAttributes: { kind: { DataType: 'String', StringValue: 'png' } } }).promise();
    }
    await sqs.sendMessageBatch({ QueueUrl: QueueUrl!, Entries: [{ Id: 'x', MessageBody: JSON.stringify({ id: 'job-3', url: 'http://example.com/3' }) }] }).promise();
    expect(await count()).toBe(4);

    // Worker: receive with long polling, do the work, delete.
    let done = 0;
    while (done < 4) {
      const { Messages } = await sqs.receiveMessage({ QueueUrl: QueueUrl!, MaxNumberOfMessages: 1, WaitTimeSeconds: 20, MessageAttributeNames: ['All'] }).promise();
      for (const m of Messages ?? []) {
        const job = JSON.parse(m.Body!) as { id: string; url: string };
        await s3.putObject({ Bucket: 'url2png-results', Key: `${job.id}.png`, Body: `rendered ${job.url}`, ContentType: 'image/png' }).promise();
        await sqs.deleteMessage({ QueueUrl: QueueUrl!, ReceiptHandle: m.ReceiptHandle! }).promise();
        done++;
        expect(await count()).toBe(4 - done);
      }
    }
    const listed = await s3.listObjectsV2({ Bucket: 'url2png-results' }).promise();
    expect(listed.Contents!.map((c) => c.Key)).toEqual(['job-0.png', 'job-1.png', 'job-2.png', 'job-3.png']);
    const empty = await sqs.receiveMessage({ QueueUrl: QueueUrl!, WaitTimeSeconds: 1 }).promise();
    expect(empty.Messages ?? []).toEqual([]);
  });

  it('a queue URL from a CloudFormation output routes back to the lab (aws-sdk v2 sends to the QueueUrl host)', async () => {
    const lab = getLab();
    const options = { endpoint: lab.endpoint, region: 'us-east-1', credentials: new AWS.Credentials(lab.credentials.accessKeyId, lab.credentials.secretAccessKey), maxRetries: 0 };
    const cfn = new AWS.CloudFormation(options);
    const template = { Resources: { Jobs: { Type: 'AWS::SQS::Queue' } }, Outputs: { Url: { Value: { Ref: 'Jobs' } } } };
    await cfn.createStack({ StackName: 'imagery-queue', TemplateBody: JSON.stringify(template) }).promise();
    let stack: AWS.CloudFormation.Stack | undefined;
    for (let i = 0; i < 100 && stack?.StackStatus !== 'CREATE_COMPLETE'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      stack = (await cfn.describeStacks({ StackName: 'imagery-queue' }).promise()).Stacks![0];
    }
    const url = stack!.Outputs![0]!.OutputValue!;
    expect(url.startsWith(`${lab.endpoint}/`)).toBe(true);
    const { sqs } = v2(lab);
    await sqs.sendMessage({ QueueUrl: url, MessageBody: 'from a template' }).promise();
    expect((await sqs.receiveMessage({ QueueUrl: url }).promise()).Messages![0]!.Body).toBe('from a template');
  });

  it('reports SQS errors by their query code', async () => {
    const { sqs } = v2(getLab());
    const e = (await sqs.getQueueUrl({ QueueName: 'nope' }).promise().catch((err: unknown) => err)) as AWS.AWSError;
    expect({ code: e.code, message: e.message, statusCode: e.statusCode }).toEqual({ code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist.', statusCode: 400 });
    const { QueueUrl } = await sqs.createQueue({ QueueName: 'v2-purge' }).promise();
    await sqs.purgeQueue({ QueueUrl: QueueUrl! }).promise();
    const p = (await sqs.purgeQueue({ QueueUrl: QueueUrl! }).promise().catch((err: unknown) => err)) as AWS.AWSError;
    expect(p.code).toBe('AWS.SimpleQueueService.PurgeQueueInProgress');
  });
});
