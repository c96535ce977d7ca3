import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { awsCli } from '../../helpers/clients';
import { useLab } from '../../helpers/lab';
import { signedFetch } from '../../helpers/signed-fetch';

// Debian's AWS CLI v2 (2.9) still speaks SQS's query protocol: the book's chapter 15 commands.
const getLab = useLab();
const json = (out: { stdout: string; stderr: string; status: number }) => {
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.trim() ? (JSON.parse(out.stdout) as Record<string, any>) : {}; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('aws sqs through the real AWS CLI v2 (query protocol)', () => {
  it('create-queue, send-message, get-queue-attributes, receive-message, delete-message', () => {
    const lab = getLab();
    const url = json(awsCli(lab, ['sqs', 'create-queue', '--queue-name', 'cli-queue'])).QueueUrl as string;
    expect(url).toBe(`${lab.endpoint}/${url.split('/')[3]}/cli-queue`);
    const sent = json(awsCli(lab, ['sqs', 'send-message', '--queue-url', url, '--message-body', '{"url":"http://example.com"}', '--message-attributes', '{"kind":{"DataType":"String","StringValue":"png"}}']));
    expect(sent.MD5OfMessageBody).toBe(createHash('md5').update('{"url":"http://example.com"}').digest('hex'));
    expect(sent.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    const attrs = json(awsCli(lab, ['sqs', 'get-queue-attributes', '--queue-url', url, '--attribute-names', 'ApproximateNumberOfMessages']));
    expect(attrs).toEqual({ Attributes: { ApproximateNumberOfMessages: '1' } });
    const got = json(awsCli(lab, ['sqs', 'receive-message', '--queue-url', url, '--wait-time-seconds', '1', '--message-attribute-names', 'All', '--attribute-names', 'ApproximateReceiveCount']));
    expect(got.Messages).toHaveLength(1);
    expect(got.Messages[0]).toMatchObject({ Body: '{"url":"http://example.com"}', MD5OfBody: sent.MD5OfMessageBody, Attributes: { ApproximateReceiveCount: '1' }, MessageAttributes: { kind: { DataType: 'String', StringValue: 'png' } } });
    const del = awsCli(lab, ['sqs', 'delete-message', '--queue-url', url, '--receipt-handle', got.Messages[0].ReceiptHandle]);
    expect(del).toMatchObject({ status: 0, stdout: '' });
    expect(json(awsCli(lab, ['sqs', 'get-queue-attributes', '--queue-url', url, '--attribute-names', 'All'])).Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      VisibilityTimeout: '30',
    });
  });

  it('batches, FIFO attributes and errors in the query form', () => {
    const lab = getLab();
    const url = json(awsCli(lab, ['sqs', 'create-queue', '--queue-name', 'cli.fifo', '--attributes', 'FifoQueue=true,ContentBasedDeduplication=true'])).QueueUrl as string;
    const batch = json(
      awsCli(lab, ['sqs', 'send-message-batch', '--queue-url', url, '--entries', JSON.stringify([{ Id: 'a', MessageBody: 'one', MessageGroupId: 'g' }, { Id: 'b', MessageBody: 'two' }])]),
    );
    expect(batch.Successful.map((s: { Id: string }) => s.Id)).toEqual(['a']);
    expect(batch.Successful[0].SequenceNumber).toMatch(/^\d{20}$/);
    expect(batch.Failed).toEqual([{ Id: 'b', SenderFault: true, Code: 'MissingParameter', Message: 'The request must contain the parameter MessageGroupId.' }]);
    const missing = awsCli(lab, ['sqs', 'get-queue-url', '--queue-name', 'nope']);
    expect(missing.status).toBe(254);
    expect(missing.stderr.trim()).toBe('An error occurred (AWS.SimpleQueueService.NonExistentQueue) when calling the GetQueueUrl operation: The specified queue does not exist.');
    const bad = awsCli(lab, ['sqs', 'receive-message', '--queue-url', url, '--max-number-of-messages', '11']);
    expect(bad.stderr.trim()).toBe('An error occurred (InvalidParameterValue) when calling the ReceiveMessage operation: Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.');
    expect(awsCli(lab, ['sqs', 'delete-queue', '--queue-url', url])).toMatchObject({ status: 0, stdout: '' });
  });
});

describe('the query form on the wire', () => {
  it('answers XML, takes a POST to the queue URL without QueueUrl, and names errors by their query code', async () => {
    const lab = getLab();
    const form = (params: Record<string, string>) => new URLSearchParams({ Version: '2012-11-05', ...params }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    const created = await signedFetch(lab, { method: 'POST', path: '/', service: 'sqs', headers, body: form({ Action: 'CreateQueue', QueueName: 'wire-queue', 'Attribute.1.Name': 'DelaySeconds', 'Attribute.1.Value': '0' }) });
    const url = /<QueueUrl>([^<]+)<\/QueueUrl>/.exec(created.body)![1]!;
    expect(url).toBe(`${lab.endpoint}/${url.split('/')[3]}/wire-queue`);
    const path = new URL(url).pathname;
    const sent = await signedFetch(lab, { method: 'POST', path, service: 'sqs', headers, body: form({ Action: 'SendMessage', MessageBody: 'legacy', 'MessageAttribute.1.Name': 'b', 'MessageAttribute.1.Value.DataType': 'Binary', 'MessageAttribute.1.Value.BinaryValue': 'AAEC' }) });
    expect(sent.status).toBe(200);
    expect(sent.body).toContain('<SendMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">');
    expect(sent.body).toContain(`<MD5OfMessageBody>${createHash('md5').update('legacy').digest('hex')}</MD5OfMessageBody>`);
    const got = await signedFetch(lab, { method: 'POST', path: '/', service: 'sqs', headers, body: form({ Action: 'ReceiveMessage', QueueUrl: url, 'MessageAttributeName.1': 'All' }) });
    expect(got.body).toMatch(/<Message><MessageId>[0-9a-f-]{36}<\/MessageId><ReceiptHandle>[^<]+<\/ReceiptHandle><MD5OfBody>[0-9a-f]{32}<\/MD5OfBody><Body>legacy<\/Body>/);
    expect(got.body).toContain('<MessageAttribute><Name>b</Name><Value><BinaryValue>AAEC</BinaryValue><DataType>Binary</DataType></Value></MessageAttribute>');
    const missing = await signedFetch(lab, { method: 'POST', path: '/', service: 'sqs', headers, body: form({ Action: 'GetQueueUrl', QueueName: 'nope' }) });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message>');
  });
});
