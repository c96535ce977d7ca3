/** Chapter 1: the lab account, the console and its regions, key pair mykey, a billing alarm (§1.8-§1.9). */
import { arr } from '../cloud';
import { failed, passed, type ChapterDefinition } from '../types';
import { BOOK_REGION, checkKeyFile, createKeyPairAndSave, KEY_NAME, keyPairExists, typeOn, WORKSTATION } from './shared';

/** Services without regions in the book's sense: their calls say nothing about the region selector. */
const GLOBAL = new Set(['sts', 'iam', 's3', 'organizations']);
const READ = /^(Describe|Get|List|Head|Lookup|Search|Query|Scan|Select|Batch(Get))/;

export const chapter01: ChapterDefinition = {
  number: 1,
  slug: 'what-is-aws',
  title: 'What is Amazon Web Services?',
  sections: '§1.8-§1.9',
  keeps: [`ec2:${BOOK_REGION}:key-pair:${KEY_NAME}`, `cloudwatch:${BOOK_REGION}:alarm:billing-alarm`, `sns:${BOOK_REGION}:topic:billing-alarm`, `sns:${BOOK_REGION}:subscription:billing-alarm:email:learner@example.com`],
  costs: [],
  steps: [
    {
      id: 'account',
      title: 'Meet your lab account',
      section: '§1.8.2',
      needs: [{ op: 'sts:GetCallerIdentity' }],
      solveNeeds: [{ op: 'iam:ListUsers' }],
      hints: [
        'The account menu at the top right shows the 12-digit account id; the services menu leads to every service.',
        'Services menu > IAM: the page lists the identities of your account (only the root user, for now).',
        'From your own computer, the AWS CLI with the lab\'s credentials file answers the same question: aws sts get-caller-identity',
      ],
      async check(ctx) {
        // Opening the console asks nothing of IAM or STS: only the learner's own visit or question counts.
        const rows = ctx.deps.history(ctx.chapterStartedAt).filter((r) => r.source !== 'internal' && !r.errorCode);
        const asked = rows.find((r) => r.service === 'sts' && r.operation === 'GetCallerIdentity');
        const visited = rows.find((r) => r.service === 'iam' && r.source === 'console' && READ.test(r.operation));
        if (!asked && !visited) return failed('You have not looked at your account yet: open IAM from the services menu (or run aws sts get-caller-identity).');
        const who = await ctx.aws('sts', 'GetCallerIdentity', {});
        const how = asked ? 'you asked who you are' : 'you opened IAM, where its identities live';
        return passed(`You are working in the lab account ${String(who.Account)} (${how}).`);
      },
      async solve(ctx) {
        await ctx.console('iam', 'ListUsers', {});
      },
    },
    {
      id: 'key-pair',
      title: 'Create the key pair mykey',
      section: '§1.8.3',
      needs: [{ op: 'ec2:DescribeKeyPairs' }],
      solveNeeds: [{ op: 'ec2:CreateKeyPair' }],
      hints: [
        'Key pairs live in the EC2 service, under Network & Security.',
        'EC2 > Key Pairs > Create key pair, name it mykey (later chapters rely on that name).',
        'Or from a terminal: aws ec2 create-key-pair --key-name mykey --query KeyMaterial --output text > ~/mykey.pem',
      ],
      async check(ctx) {
        if (await keyPairExists(ctx, BOOK_REGION, KEY_NAME)) return passed(`The key pair ${KEY_NAME} exists in ${BOOK_REGION}.`);
        for (const r of ctx.deps.regions)
          if (r !== BOOK_REGION && (await keyPairExists(ctx, r, KEY_NAME)))
            return failed(`${KEY_NAME} exists in ${r}, but the book works in ${BOOK_REGION}: create it there too.`);
        return failed(`There is no key pair named ${KEY_NAME} in ${BOOK_REGION} yet.`);
      },
      async solve(ctx) {
        await createKeyPairAndSave(ctx, BOOK_REGION, KEY_NAME);
      },
    },
    {
      id: 'region',
      title: 'Work in N. Virginia (us-east-1)',
      section: '§1.8.2',
      needs: [],
      hints: [
        'The book uses the region US East (N. Virginia) everywhere except §3.5.',
        'Use the region selector in the top bar and pick US East (N. Virginia) before you create anything.',
      ],
      async check(ctx) {
        // Looking around (Describe…, List…) happens in whatever region the console opens in: only
        // what the learner made says where they work.
        const made = ctx.deps
          .history(ctx.chapterStartedAt)
          .filter((r) => r.source !== 'internal' && !r.errorCode && !GLOBAL.has(r.service) && !READ.test(r.operation));
        const last = made.at(-1);
        if (!last) return failed('You have not created anything in a region yet: pick US East (N. Virginia) in the region selector and create the key pair there.');
        if (last.region !== BOOK_REGION)
          return failed(`Your last change (${last.service} ${last.operation}) went to ${last.region}; switch the region selector to US East (N. Virginia).`);
        return passed(`Your changes go to US East (N. Virginia): the last one was ${last.service} ${last.operation}.`);
      },
      async solve(ctx) {
        await ctx.console('ec2', 'DescribeKeyPairs', {}, BOOK_REGION);
      },
    },
    {
      id: 'key-file',
      title: 'Keep mykey.pem private',
      section: '§1.8.3',
      needs: [{ machine: 'workstation' }],
      hints: [
        'ssh refuses a private key that other users could read.',
        'In the workstation terminal, find where mykey.pem was saved (ls ~) and make it readable only by you.',
        'chmod 400 ~/mykey.pem',
      ],
      check: (ctx) => checkKeyFile(ctx, KEY_NAME),
      async solve(ctx) {
        await typeOn(ctx, WORKSTATION, `chmod 400 $(find ~ -name '${KEY_NAME}.pem' -type f | head -n 1)`);
      },
    },
    {
      id: 'billing-alarm',
      title: 'A billing alarm at $5',
      section: '§1.9',
      comesLater: 'Billing alarms need CloudWatch and SNS in the lab; this step is not counted until they exist.',
      needs: [{ op: 'monitoring:DescribeAlarms' }, { op: 'sns:ListTopics' }],
      solveNeeds: [{ op: 'monitoring:PutMetricAlarm' }, { op: 'sns:CreateTopic' }, { op: 'sns:Subscribe' }],
      hints: [
        'Billing data is a CloudWatch metric (AWS/Billing, EstimatedCharges) kept in us-east-1.',
        'CloudWatch > Alarms > Create alarm on EstimatedCharges, threshold greater than 5 USD, notify an SNS topic with your e-mail.',
      ],
      async check(ctx) {
        const out = await ctx.aws('monitoring', 'DescribeAlarms', {}, BOOK_REGION);
        const alarms = arr(out.MetricAlarms).filter((a) => a.Namespace === 'AWS/Billing' && a.MetricName === 'EstimatedCharges');
        if (alarms.length === 0) return failed('No CloudWatch alarm watches AWS/Billing EstimatedCharges in us-east-1 yet.');
        const good = alarms.find((a) => Number(a.Threshold) <= 5 && String(a.ComparisonOperator).startsWith('GreaterThan'));
        if (!good) return failed(`The billing alarm ${String(alarms[0]!.AlarmName)} does not fire above $5: set the threshold to 5 with "greater than".`);
        if (arr(good.AlarmActions).length === 0) return failed(`The alarm ${String(good.AlarmName)} has no notification: add an SNS topic action.`);
        return passed(`The alarm ${String(good.AlarmName)} notifies you when the bill passes $${String(good.Threshold)}.`);
      },
      async solve(ctx) {
        const topic = await ctx.console('sns', 'CreateTopic', { Name: 'billing-alarm' }, BOOK_REGION);
        await ctx.console('sns', 'Subscribe', { TopicArn: topic.TopicArn, Protocol: 'email', Endpoint: 'learner@example.com' }, BOOK_REGION);
        await ctx.console(
          'monitoring',
          'PutMetricAlarm',
          {
            AlarmName: 'billing-alarm',
            Namespace: 'AWS/Billing',
            MetricName: 'EstimatedCharges',
            Dimensions: [{ Name: 'Currency', Value: 'USD' }],
            Statistic: 'Maximum',
            Period: 21600,
            EvaluationPeriods: 1,
            Threshold: 5,
            ComparisonOperator: 'GreaterThanThreshold',
            AlarmActions: [topic.TopicArn],
          },
          BOOK_REGION,
        );
      },
    },
  ],
  async cleanup() {
    // Chapter 1 leaves mykey (and the billing alarm) for the rest of the book: nothing to remove.
  },
};
