import { describe, expect, it } from 'vitest';
import { ddbEngine } from './helpers';
import { sweepExpired } from '../../../../src-main/engine/services/dynamodb/ttl';
import { trimStreams } from '../../../../src-main/engine/services/dynamodbstreams';

/** Stream operations go to their own service (dynamodbstreams); records are the dynamodb service's writes. */
function withStreams() {
  const lab = ddbEngine();
  const streams = (op: string, input: Record<string, unknown>) =>
    lab.engine.call(lab.engine.account.root, 'dynamodbstreams', op, input) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const streamsFail = (op: string, input: Record<string, unknown>) =>
    streams(op, input).then(
      () => {
        throw new Error(`${op} succeeded`);
      },
      (e: { code: string; message: string }) => e,
    );
  const iterator = async (arn: string, type = 'TRIM_HORIZON', seq?: string) => {
    const d = await streams('DescribeStream', { StreamArn: arn });
    const ShardId = d.StreamDescription.Shards[0].ShardId as string;
    return (await streams('GetShardIterator', { StreamArn: arn, ShardId, ShardIteratorType: type, SequenceNumber: seq }))
      .ShardIterator as string;
  };
  return { ...lab, streams, streamsFail, iterator };
}

describe('DynamoDB Streams', () => {
  it('records TTL deletions with the service as the identity, and an unchanged put writes nothing', async () => {
    const { call, clock, table, streams, iterator, engine } = withStreams();
    await table('ttl', undefined, { StreamSpecification: { StreamEnabled: true, StreamViewType: 'OLD_IMAGE' } });
    await call('UpdateTimeToLive', { TableName: 'ttl', TimeToLiveSpecification: { AttributeName: 'exp', Enabled: true } });
    const exp = Math.floor(clock.now() / 1000) + 30;
    const item = { uid: { S: 'u1' }, exp: { N: String(exp) } };
    await call('PutItem', { TableName: 'ttl', Item: item });
    await call('PutItem', { TableName: 'ttl', Item: item });
    clock.advance(31_000);
    sweepExpired({ store: engine.store, clock });
    const arn = (await call('DescribeTable', { TableName: 'ttl' })).Table.LatestStreamArn as string;
    const out = await streams('GetRecords', { ShardIterator: await iterator(arn) });
    expect(out.Records.map((r: { eventName: string }) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
    expect(out.Records[0].userIdentity).toBeUndefined();
    expect(out.Records[1].userIdentity).toEqual({ PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' });
    expect(out.Records[1].dynamodb.OldImage).toEqual(item);
  });

  it('expires iterators after 15 minutes and trims records older than 24 hours', async () => {
    const { call, clock, table, streams, streamsFail, iterator, engine } = withStreams();
    await table('trim', undefined, { StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
    const arn = (await call('DescribeTable', { TableName: 'trim' })).Table.LatestStreamArn as string;
    await call('PutItem', { TableName: 'trim', Item: { uid: { S: 'old' } } });
    const it0 = await iterator(arn);
    clock.advance(16 * 60_000);
    expect((await streamsFail('GetRecords', { ShardIterator: it0 })).code).toBe('ExpiredIteratorException');
    const first = await streams('GetRecords', { ShardIterator: await iterator(arn) });
    const oldSeq = first.Records[0].dynamodb.SequenceNumber as string;
    clock.advance(25 * 3600_000);
    await call('PutItem', { TableName: 'trim', Item: { uid: { S: 'new' } } });
    engine.store.tx(() => trimStreams(engine, clock.now()));
    const after = await streams('GetRecords', { ShardIterator: await iterator(arn) });
    expect(after.Records.map((r: { dynamodb: { Keys: { uid: { S: string } } } }) => r.dynamodb.Keys.uid.S)).toEqual(['new']);
    expect((await streamsFail('GetShardIterator', {
      StreamArn: arn,
      ShardId: (await streams('DescribeStream', { StreamArn: arn })).StreamDescription.Shards[0].ShardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: oldSeq,
    })).code).toBe('TrimmedDataAccessException');
  });

  it('keeps a deleted table’s stream readable and DISABLED, and a re-enabled stream is a new one', async () => {
    const { call, table, streams } = withStreams();
    await table('gone', undefined, { StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
    const first = (await call('DescribeTable', { TableName: 'gone' })).Table.LatestStreamArn as string;
    await call('PutItem', { TableName: 'gone', Item: { uid: { S: 'a' } } });
    await call('DeleteTable', { TableName: 'gone' });
    const d = await streams('DescribeStream', { StreamArn: first });
    expect(d.StreamDescription.StreamStatus).toBe('DISABLED');
    expect(d.StreamDescription.Shards[0].SequenceNumberRange.EndingSequenceNumber).toBe('000000000000000000001');
    const listed = await streams('ListStreams', { TableName: 'gone' });
    expect(listed.Streams).toHaveLength(1);
    const page = await streams('ListStreams', { Limit: 1 });
    expect(page.Streams).toHaveLength(1);
  });
});
