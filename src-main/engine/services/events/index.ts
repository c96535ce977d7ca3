/**
 * The EventBridge / CloudWatch Events provider: rules (schedules on the simulated clock, event
 * patterns), targets (Lambda, SNS, SQS, Logs through call()), PutEvents, and the lab's own events
 * (EC2 state changes, "AWS API Call via CloudTrail" from the event history): see loop.ts and bus.ts.
 */
import { defineService } from '../../core/provider';
import { eventsMigrations } from './migrations';
import { eventsIamTable } from './iam-table';
import { eventsResourceProviders } from './cloudformation';
import { eventsInventory } from './inventory';
import { startLoop } from './loop';
import { PutRule } from './PutRule';
import { DescribeRule } from './DescribeRule';
import { ListRules } from './ListRules';
import { DeleteRule } from './DeleteRule';
import { EnableRule } from './EnableRule';
import { DisableRule } from './DisableRule';
import { PutTargets } from './PutTargets';
import { RemoveTargets } from './RemoveTargets';
import { ListTargetsByRule } from './ListTargetsByRule';
import { ListRuleNamesByTarget } from './ListRuleNamesByTarget';
import { TestEventPattern } from './TestEventPattern';
import { PutEvents } from './PutEvents';

export const eventsProvider = defineService({
  service: 'events',
  migrations: eventsMigrations,
  handlers: { PutRule, DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule, PutTargets, RemoveTargets, ListTargetsByRule, ListRuleNamesByTarget, TestEventPattern, PutEvents },
  start: (engine) => startLoop(engine),
  iam: eventsIamTable,
  cloudformation: eventsResourceProviders,
  inventory: eventsInventory,
});

export { matches, parsePattern, PatternError, type Pattern } from './pattern';
export { makeEvent, matchingRules, dispatchToRules, type BusEvent } from './bus';
