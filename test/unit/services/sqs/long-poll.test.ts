import { describe, expect, it } from 'vitest';
import { sqsLab } from './lab';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('ReceiveMessage long polling on the simulated clock', () => {
  it('waits, and wakes the moment a message is sent', async () => {
    const lab = sqsLab();
    const url = await lab.queue('lp');
    let done = false;
    const poll = lab.sqs('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 20 }).then((r) => ((done = true), r));
    await settle();
    expect(done).toBe(false);
    // No transaction is held while polling: other writes go through meanwhile.
    await lab.queue('other');
    lab.tick(5);
    await settle();
    expect(done).toBe(false);
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'wake up' });
    const out = await poll;
    expect(out.Messages[0].Body).toBe('wake up');
  });

  it('answers empty once the wait is over, and uses the queue default wait', async () => {
    const lab = sqsLab();
    const url = await lab.queue('lp2', { ReceiveMessageWaitTimeSeconds: '10' });
    let done = false;
    const poll = lab.sqs('ReceiveMessage', { QueueUrl: url }).then((r) => ((done = true), r));
    await settle();
    lab.tick(9);
    await settle();
    expect(done).toBe(false);
    lab.tick(1);
    expect(await poll).toEqual({});
  });

  it('wakes when a delayed message becomes visible, or an in-flight one returns', async () => {
    const lab = sqsLab();
    const url = await lab.queue('lp3');
    await lab.sqs('SendMessage', { QueueUrl: url, MessageBody: 'later', DelaySeconds: 8 });
    const poll = lab.sqs('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 20, VisibilityTimeout: 3 });
    await settle();
    lab.tick(8);
    expect((await poll).Messages[0].Body).toBe('later');
    const again = lab.sqs('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 20 });
    await settle();
    lab.tick(3);
    expect((await again).Messages[0].Body).toBe('later');
  });

  it('a deleted queue ends the poll with QueueDoesNotExist', async () => {
    const lab = sqsLab();
    const url = await lab.queue('lp4');
    const poll = lab.sqs('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 20 }).catch((e: Error & { code: string }) => e.code);
    await settle();
    await lab.sqs('DeleteQueue', { QueueUrl: url });
    expect(await poll).toBe('QueueDoesNotExist');
  });

  it('refuses out-of-range parameters', async () => {
    const lab = sqsLab();
    const url = await lab.queue('lp5');
    await expect(lab.sqs('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 21 })).rejects.toMatchObject({ code: 'InvalidParameterValue', message: 'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.' });
    await expect(lab.sqs('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 11 })).rejects.toMatchObject({ code: 'InvalidParameterValue', message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.' });
  });
});
