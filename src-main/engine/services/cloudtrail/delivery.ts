/**
 * Trails deliver log files to S3 on the simulated clock: every 5 simulated minutes each logging
 * trail writes the calls recorded since its last delivery as one gzipped JSON file
 * (`{"Records": [...]}`) under AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/, through s3:PutObject as
 * cloudtrail.amazonaws.com.
 */
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';
import type { Call } from '../../protocol/types';
import { servicePrincipal } from '../../core/account';
import type { CreateTrailInput } from '../../models/generated/cloudtrail';
import { cloudTrailEvent, type HistoryRow } from './record';
import type { TrailRow } from './state/trails';

const EVERY = 5 * 60_000;

export function startDelivery(engine: { store: Store; clock: Clock; call?: Call }): void {
  const { store, clock, call } = engine;
  if (!call) return;
  const tick = (at: number) =>
    clock.at(at, () => {
      if (!store.db.open) return;
      void deliverAll(store, call, at).finally(() => {
        if (store.db.open) tick(at + EVERY);
      });
    });
  tick(Math.floor(clock.now() / EVERY) * EVERY + EVERY);
}

const pad = (n: number) => String(n).padStart(2, '0');

async function deliverAll(store: Store, call: Call, at: number): Promise<void> {
  const trails = store.stmt('SELECT * FROM ct_trails WHERE logging = 1').all() as TrailRow[];
  for (const t of trails) {
    const c = JSON.parse(t.config) as CreateTrailInput;
    const rows = store
      .stmt(
        `SELECT e.*, k.user_id, r.body AS response_body FROM events e LEFT JOIN access_keys k ON k.access_key_id = e.access_key_id
         LEFT JOIN ct_responses r ON r.request_id = e.request_id
         WHERE e.id > ? AND e.account_id = ? AND (? = 1 OR e.region = ?) ORDER BY e.id LIMIT 5000`,
      )
      .all(t.delivered_through ?? 0, t.account_id, c.IsMultiRegionTrail ? 1 : 0, t.region) as HistoryRow[];
    if (rows.length === 0) continue;
    const d = new Date(at);
    const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
    const prefix = c.S3KeyPrefix ? `${c.S3KeyPrefix.replace(/\/$/, '')}/` : '';
    const key = `${prefix}AWSLogs/${t.account_id}/CloudTrail/${t.region}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${t.account_id}_CloudTrail_${t.region}_${stamp}_${randomBytes(8).toString('hex').toUpperCase()}.json.gz`;
    const body = gzipSync(JSON.stringify({ Records: rows.map(cloudTrailEvent) }));
    let error: string | null = null;
    try {
      await call(
        servicePrincipal(t.account_id, 'cloudtrail'),
        's3',
        'PutObject',
        { Bucket: c.S3BucketName, Key: key, Body: body, ContentType: 'application/json', ContentEncoding: 'gzip' },
        { region: t.region, source: 'internal' },
      );
    } catch (e) {
      error = (e as { code?: string }).code ?? 'InternalFailure';
    }
    if (!store.db.open) return;
    store.tx(() =>
      store
        .stmt(
          'UPDATE ct_trails SET delivered_through = ?, last_delivery = ?, last_delivery_error = ? WHERE account_id = ? AND region = ? AND name = ?',
        )
        .run(
          error ? t.delivered_through : rows[rows.length - 1]!.id,
          error ? t.last_delivery : at,
          error,
          t.account_id,
          t.region,
          t.name,
        ),
    );
  }
}
