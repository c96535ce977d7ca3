/**
 * EventBridge's own work on the simulated clock: schedule rules once per simulated minute, and the
 * events the lab emits by itself: "AWS API Call via CloudTrail" for every write call in the event
 * history (read every 5 simulated seconds through a cursor, so nothing is replayed after a
 * restart), and "EC2 Instance State-change Notification" as EC2 announces each change.
 */
import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';
import type { Call } from '../../protocol/types';
import { onInstanceStateChange } from '../ec2';
import { cloudTrailEvent, historyAfter, lastHistoryId, READ_ONLY } from '../cloudtrail';
import { cronMatches, parseSchedule } from './schedule';
import { dispatchToRules, makeEvent, matchingRules } from './bus';
import { DEFAULT_BUS, type RuleRow } from './state/rules';

const MINUTE = 60_000;
const POLL = 5_000;

interface LoopEngine {
  store: Store;
  clock: Clock;
  call?: Call;
}

const engines = new WeakMap<Store, LoopEngine>();

export const engineFor = (store: Store): LoopEngine | undefined => engines.get(store);

/** Data events (object reads/writes, messages, invocations) are not management events: EventBridge never sees them. */
const DATA_EVENTS = /^(s3:(Get|Put|Delete|Head|Copy|Upload|Create|Complete|Abort|List)(Object|Objects|Part|MultipartUpload|Parts)|lambda:Invoke|sqs:(SendMessage|ReceiveMessage|DeleteMessage|ChangeMessageVisibility)|sns:Publish|logs:PutLogEvents|monitoring:PutMetricData|events:PutEvents|dynamodb:(Put|Get|Delete|Update|BatchWrite|BatchGet|Query|Scan)|sts:)/;
const SOURCE_PREFIX: Record<string, string> = { monitoring: 'cloudwatch', elasticloadbalancingv2: 'elasticloadbalancing' };

export function startLoop(engine: LoopEngine): void {
  engines.set(engine.store, engine);
  const { store, clock } = engine;
  store.tx(() => store.stmt('INSERT OR IGNORE INTO ev_cursor (id, last_event) VALUES (1, ?)').run(lastHistoryId(store)));
  const minute = (at: number) =>
    clock.at(at, () => {
      try {
        if (store.db.open) fireSchedules(engine, at);
      } finally {
        if (store.db.open) minute(at + MINUTE);
      }
    });
  minute(Math.floor(clock.now() / MINUTE) * MINUTE + MINUTE);
  const poll = (at: number) =>
    clock.at(at, () => {
      try {
        if (store.db.open) readHistory(engine);
      } finally {
        if (store.db.open) poll(at + POLL);
      }
    });
  poll(clock.now() + POLL);
}

function fireSchedules(engine: LoopEngine, at: number): void {
  const { store } = engine;
  const rules = store.stmt("SELECT * FROM ev_rules WHERE state = 'ENABLED' AND schedule IS NOT NULL").all() as RuleRow[];
  const due: RuleRow[] = [];
  store.tx(() => {
    for (const r of rules) {
      const s = parseSchedule(r.schedule!);
      if (!s) continue;
      if (s.kind === 'cron') {
        if (cronMatches(s, at - MINUTE)) due.push(r);
        continue;
      }
      if (r.next_fire === null || r.next_fire > at) continue;
      due.push(r);
      let next = r.next_fire;
      while (next <= at) next += s.ms;
      store.stmt('UPDATE ev_rules SET next_fire = ? WHERE account_id = ? AND region = ? AND bus = ? AND name = ?').run(next, r.account_id, r.region, r.bus, r.name);
    }
    for (const r of due) {
      const event = makeEvent({ source: 'aws.events', detailType: 'Scheduled Event', account: r.account_id, region: r.region, at, resources: [r.arn], detail: {} });
      dispatchToRules(engine, [r], event);
    }
  });
}

function readHistory(engine: LoopEngine): void {
  const { store } = engine;
  const cursor = (store.stmt('SELECT last_event FROM ev_cursor WHERE id = 1').get() as { last_event: number } | undefined)?.last_event ?? 0;
  const rows = historyAfter(store, cursor);
  if (rows.length === 0) return;
  store.tx(() => {
    for (const row of rows) {
      if (READ_ONLY.test(row.operation) || DATA_EVENTS.test(`${row.service}:${row.operation}`)) continue;
      const detail = cloudTrailEvent(row);
      const event = makeEvent({
        source: `aws.${SOURCE_PREFIX[row.service] ?? row.service}`,
        detailType: 'AWS API Call via CloudTrail',
        account: row.account_id,
        region: row.region,
        at: row.time,
        detail,
      });
      dispatchToRules(engine, matchingRules(store, DEFAULT_BUS, event), event);
    }
    store.stmt('UPDATE ev_cursor SET last_event = ? WHERE id = 1').run(rows[rows.length - 1]!.id);
  });
}

// EC2 announces state changes inside the transaction that made them; the event goes out after it.
onInstanceStateChange(({ ctx, instanceId, current, previous, at }) => {
  if (previous === current) return;
  const engine = engines.get(ctx.store);
  if (!engine) return;
  const event = makeEvent({
    source: 'aws.ec2',
    detailType: 'EC2 Instance State-change Notification',
    account: ctx.accountId,
    region: ctx.region,
    at,
    resources: [`arn:aws:ec2:${ctx.region}:${ctx.accountId}:instance/${instanceId}`],
    detail: { 'instance-id': instanceId, state: current },
  });
  dispatchToRules(engine, matchingRules(ctx.store, DEFAULT_BUS, event), event);
});
