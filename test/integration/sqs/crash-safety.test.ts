import { afterAll, describe, expect, it } from 'vitest';
import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';

// SIGKILL mid-stream: every acknowledged send survives, and a deleted message never comes back.
let lab: RunningLab | undefined;
afterAll(async () => {
  await lab?.kill();
  if (lab) removeDir(lab.dataDir);
});

const client = (l: RunningLab) => new SQSClient({ endpoint: l.endpoint, region: 'us-east-1', credentials: l.credentials, maxAttempts: 1 });

describe('SQS crash safety', () => {
  it('keeps acknowledged sends and deletes across a SIGKILL', async () => {
    lab = await startLab();
    let sqs = client(lab);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'durable', Attributes: { VisibilityTimeout: '0' } }));
    const acked = new Set<string>();
    let stop = false;
    const sender = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `w${w}-${i}` }));
          acked.add(`w${w}-${i}`);
        } catch {
          return;
        }
      }
    };
    const first = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'deleted' }));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    expect(got.Messages![0]!.MessageId).toBe(first.MessageId);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: got.Messages![0]!.ReceiptHandle }));
    const senders = [0, 1, 2, 3].map(sender);
    await new Promise((r) => setTimeout(r, 400));
    await lab.kill();
    stop = true;
    await Promise.all(senders);
    expect(acked.size).toBeGreaterThan(0);

    lab = await startLab({ dataDir: lab.dataDir });
    sqs = client(lab);
    const bodies = new Set<string>();
    for (;;) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 600 }));
      if (!r.Messages?.length) break;
      for (const m of r.Messages) bodies.add(m.Body!);
    }
    for (const b of acked) expect(bodies.has(b), b).toBe(true);
    expect(bodies.has('deleted')).toBe(false);
  });
});
