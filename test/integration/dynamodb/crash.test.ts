import { afterAll, describe, expect, it } from 'vitest';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { removeDir, startLab, type RunningLab } from '../../helpers/lab';

// Kill -9 in the middle of a stream of BatchWriteItem calls: every acknowledged write is there after
// a restart, and no item is half written (each carries its whole payload).
let lab: RunningLab | undefined;
afterAll(async () => {
  await lab?.stop();
  if (lab) removeDir(lab.dataDir);
});

const client = (l: RunningLab) =>
  new DynamoDBClient({ endpoint: l.endpoint, region: 'us-east-1', credentials: l.credentials, maxAttempts: 1 });

describe('DynamoDB durability', () => {
  it('keeps every acknowledged BatchWriteItem across a killed lab', async () => {
    lab = await startLab({ extraArgs: ['--warp', '100'] });
    const db = client(lab);
    await db.send(
      new CreateTableCommand({
        TableName: 'crash',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await new Promise((ok) => setTimeout(ok, 200));
    const payload = 'p'.repeat(2000);
    const acknowledged: string[] = [];
    let batch = 0;
    const writer = (async () => {
      for (;;) {
        const ids = Array.from({ length: 25 }, (_, i) => `b${batch}-${i}`);
        batch++;
        try {
          await db.send(
            new BatchWriteItemCommand({
              RequestItems: {
                crash: ids.map((id) => ({
                  PutRequest: { Item: { id: { S: id }, payload: { S: payload }, n: { N: String(ids.length) } } },
                })),
              },
            }),
          );
        } catch {
          return;
        }
        acknowledged.push(...ids);
      }
    })();
    while (acknowledged.length < 500) await new Promise((ok) => setTimeout(ok, 20));
    await lab.kill();
    await writer;
    const dataDir = lab.dataDir;
    lab = await startLab({ dataDir });
    const again = client(lab);
    const seen = new Map<string, string>();
    let start: Record<string, never> | undefined;
    do {
      const page = await again.send(new ScanCommand({ TableName: 'crash', ExclusiveStartKey: start }));
      for (const i of page.Items ?? []) seen.set(i.id!.S!, i.payload!.S!);
      start = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
    for (const id of acknowledged) expect(seen.get(id)).toBe(payload);
    for (const p of seen.values()) expect(p).toBe(payload);
    expect(seen.size % 25).toBe(0);
  });
});
