/** Chapter 11: a MySQL database on RDS, data imported from a web server, a snapshot and a restore (§11.1-§11.3, §11.7). */
import { arr, str, waitFor, type Obj } from '../cloud';
import { chapterFile } from '../content';
import { failed, passed, type ChapterDefinition, type CheckResult, type MachineTarget, type StepContext } from '../types';
import { BOOK_REGION, createChapterStack, deleteStacks, describeStack, KEY_NAME, overSsh, prepareMycli, prepareMykey, stackOutputs, typeOn, WORKSTATION } from './shared';

const STACK = 'wordpress';
const PASSWORD = 'wordpress-secret';
const SNAPSHOT = 'wordpress-manual-snapshot';
const RESTORED = 'awsinaction-db-restore';
const POSTS = 3;
/** Database engines stop, copy and start in their own processes: real time passes between polls. */
const REAL_MS = 25;

interface Blog {
  host: string;
  db: string;
  webId: string;
}

async function blog(ctx: StepContext): Promise<Blog | CheckResult> {
  const s = await describeStack(ctx, BOOK_REGION, STACK);
  if (!s || s.StackStatus === 'DELETE_COMPLETE') return failed(`There is no stack named ${STACK} yet: create it from this chapter's template.yaml.`);
  if (s.StackStatus !== 'CREATE_COMPLETE' && s.StackStatus !== 'UPDATE_COMPLETE') return failed(`The stack ${STACK} is ${String(s.StackStatus)}.`);
  const out = await stackOutputs(ctx, BOOK_REGION, STACK);
  const [host, db, webId] = [out.get('WebServerName'), out.get('DBHostName'), out.get('WebServerId')];
  if (!host || !db || !webId) return failed(`The stack ${STACK} lacks the outputs WebServerName, DBHostName or WebServerId.`);
  return { host, db, webId };
}

const isResult = (x: unknown): x is CheckResult => typeof x === 'object' && x !== null && 'status' in x && 'detail' in x;
const web = (b: Blog): MachineTarget => ({ kind: 'instance', instanceId: b.webId, region: BOOK_REGION, user: 'ec2-user' });
const mysql = (host: string, sql: string): string => `mysql --host ${host} --user wordpress -p${PASSWORD} wordpress -e "${sql}"`;

async function dbInstances(ctx: StepContext): Promise<Obj[]> {
  return arr((await ctx.aws('rds', 'DescribeDBInstances', {}, BOOK_REGION)).DBInstances);
}

async function snapshots(ctx: StepContext): Promise<Obj[]> {
  return arr((await ctx.aws('rds', 'DescribeDBSnapshots', { SnapshotType: 'manual' }, BOOK_REGION)).DBSnapshots);
}

/** The number of posts a database holds, asked from the web server (its security group lets it in). */
async function posts(ctx: StepContext, b: Blog, host: string): Promise<number | string> {
  const r = await ctx.deps.machines!.run(web(b), mysql(host, 'SELECT COUNT(*) FROM wp_posts'));
  if (r.exitCode === 127) return 'the web server has no mysql client yet (sudo yum -y install mysql)';
  if (r.exitCode !== 0) return (r.stderr || r.stdout).trim();
  return Number(r.stdout.trim().split('\n').at(-1));
}

async function waitDb(ctx: StepContext, id: string): Promise<Obj> {
  return waitFor(
    ctx,
    `the DB instance ${id} to be available`,
    async () => (await dbInstances(ctx)).find((d) => d.DBInstanceIdentifier === id && d.DBInstanceStatus === 'available'),
    3 * 3_600_000,
    REAL_MS,
  );
}

export const chapter11: ChapterDefinition = {
  number: 11,
  slug: 'rds',
  title: 'Using a relational database service: RDS',
  sections: '§11.1-§11.3, §11.7',
  keeps: [],
  costs: [
    { item: 'MySQL DB instance, db.t2.micro', region: BOOK_REGION, pricePerHour: 0.017, count: 1, hours: 1 },
    { item: 'restored DB instance, db.t2.micro', region: BOOK_REGION, pricePerHour: 0.017, count: 1, hours: 0.5 },
    { item: 'web server, t2.micro', region: BOOK_REGION, instanceType: 't2.micro', count: 1, hours: 1 },
  ],
  async prepare(ctx) {
    await prepareMykey(ctx);
    await prepareMycli(ctx);
  },
  steps: [
    {
      id: 'stack',
      title: 'A web server and a MySQL database',
      section: '§11.1.1',
      retiredBy: ['delete-stack'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { op: 'rds:DescribeDBInstances' }],
      solveNeeds: [{ op: 'cloudformation:CreateStack' }],
      hints: [
        'The template makes a VPC, a web server in a public subnet and a MySQL DB instance in two private subnets.',
        'CloudFormation > Create stack named wordpress from this chapter\'s template.yaml, KeyName mykey; wait for CREATE_COMPLETE (a new database takes a while).',
      ],
      async check(ctx) {
        const b = await blog(ctx);
        if (isResult(b)) return b;
        const db = (await dbInstances(ctx)).find((d) => str((d.Endpoint as Obj | undefined)?.Address) === b.db);
        if (!db) return failed(`No DB instance answers at ${b.db}.`);
        if (db.DBInstanceStatus !== 'available') return failed(`The DB instance ${String(db.DBInstanceIdentifier)} is ${String(db.DBInstanceStatus)}.`);
        return passed(`The ${String(db.Engine)} DB instance ${String(db.DBInstanceIdentifier)} is available at ${b.db}.`);
      },
      async solve(ctx) {
        await createChapterStack(ctx, chapter11, STACK, 'template.yaml', { KeyName: KEY_NAME });
      },
    },
    {
      id: 'endpoint',
      title: 'Find the database\'s endpoint',
      section: '§11.1.2',
      retiredBy: ['delete-stack'],
      needs: [],
      solveNeeds: [{ machine: 'workstation' }],
      hints: ['aws rds describe-db-instances --query "DBInstances[0].Endpoint"'],
      async check(ctx) {
        const asked = ctx.deps.history(ctx.chapterStartedAt).some((r) => r.operation === 'DescribeDBInstances' && (r.source === 'cli' || r.source === 'api' || r.source === 'console') && !r.errorCode);
        return asked ? passed('You looked up the DB instance and its endpoint.') : failed('You have not asked RDS for the DB instance yet: aws rds describe-db-instances --query "DBInstances[0].Endpoint"');
      },
      async solve(ctx) {
        await typeOn(ctx, WORKSTATION, 'aws rds describe-db-instances --query "DBInstances[0].Endpoint"');
      },
    },
    {
      id: 'import',
      title: 'Import the blog\'s data',
      section: '§11.2',
      retiredBy: ['delete-stack'],
      needs: [{ op: 'cloudformation:DescribeStacks' }, { machine: 'instance' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'The data comes as an SQL dump; the mysql client on the web server sends it to the database.',
        'ssh to the web server, sudo yum -y install mysql, fetch wordpress-import.sql, then mysql --host DBHostName --user wordpress -p wordpress < wordpress-import.sql (password wordpress-secret).',
      ],
      async check(ctx) {
        const b = await blog(ctx);
        if (isResult(b)) return b;
        const n = await posts(ctx, b, b.db);
        if (typeof n === 'string') return failed(`The web server cannot count the posts: ${n}.`);
        if (n < POSTS) return failed(`The database holds ${n} post(s); the import brings ${POSTS}.`);
        return passed(`The database behind ${b.db} holds ${n} posts.`);
      },
      async solve(ctx) {
        const b = await blog(ctx);
        if (isResult(b)) throw new Error(b.detail);
        // The dump lands in the web server's home folder, as if downloaded there.
        const dump = chapterFile(ctx.deps.resourcesDir, chapter11, 'wordpress-import.sql');
        await ctx.deps.machines!.run(web(b), `cat > ~/wordpress-import.sql <<'NIMBUS_SQL_END'\n${dump.replace(/\n$/, '')}\nNIMBUS_SQL_END`);
        await overSsh(ctx, { host: b.host, user: 'ec2-user', key: KEY_NAME }, [
          'sudo yum -y install mysql',
          `mysql --host ${b.db} --user wordpress -p${PASSWORD} wordpress < wordpress-import.sql`,
          mysql(b.db, 'SELECT post_title FROM wp_posts'),
        ]);
      },
    },
    {
      id: 'snapshot',
      title: 'A manual snapshot',
      section: '§11.3.2',
      retiredBy: ['restore-cleanup'],
      needs: [{ op: 'rds:DescribeDBSnapshots' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'aws rds describe-db-instances --query "DBInstances[0].DBInstanceIdentifier" --output text gives the id the stack chose.',
        'aws rds create-db-snapshot --db-snapshot-identifier wordpress-manual-snapshot --db-instance-identifier ID; aws rds describe-db-snapshots until it is available.',
      ],
      async check(ctx) {
        const snap = (await snapshots(ctx)).find((s) => s.DBSnapshotIdentifier === SNAPSHOT);
        if (!snap) return failed(`There is no manual snapshot named ${SNAPSHOT} yet.`);
        if (snap.Status !== 'available') return failed(`${SNAPSHOT} is ${String(snap.Status)}.`);
        return passed(`${SNAPSHOT} of ${String(snap.DBInstanceIdentifier)} is available.`);
      },
      async solve(ctx) {
        const id = (await typeOn(ctx, WORKSTATION, 'aws rds describe-db-instances --query "DBInstances[0].DBInstanceIdentifier" --output text')).trim();
        await typeOn(ctx, WORKSTATION, `aws rds create-db-snapshot --db-snapshot-identifier ${SNAPSHOT} --db-instance-identifier ${id}`);
        await waitFor(ctx, `${SNAPSHOT} to be available`, async () => ((await snapshots(ctx)).find((s) => s.DBSnapshotIdentifier === SNAPSHOT)?.Status === 'available' ? true : undefined), 3_600_000, REAL_MS);
        await waitDb(ctx, id);
      },
    },
    {
      id: 'restore',
      title: 'A new database from the snapshot',
      section: '§11.3.3',
      retiredBy: ['restore-cleanup'],
      needs: [{ op: 'rds:DescribeDBInstances' }, { machine: 'instance' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'A restore makes a new DB instance; give it the stack\'s subnet group so the web server can reach it.',
        'aws cloudformation describe-stack-resource --stack-name wordpress --logical-resource-id DatabaseSubnets, then aws rds restore-db-instance-from-db-snapshot --db-instance-identifier awsinaction-db-restore --db-snapshot-identifier wordpress-manual-snapshot --db-subnet-group-name NAME',
      ],
      async check(ctx) {
        const db = (await dbInstances(ctx)).find((d) => d.DBInstanceIdentifier === RESTORED);
        if (!db) return failed(`There is no DB instance named ${RESTORED} yet.`);
        if (db.DBInstanceStatus !== 'available') return failed(`${RESTORED} is ${String(db.DBInstanceStatus)}.`);
        const b = await blog(ctx);
        if (isResult(b)) return b;
        const address = str((db.Endpoint as Obj | undefined)?.Address) ?? '';
        const n = await posts(ctx, b, address);
        if (typeof n === 'string') return failed(`The web server cannot read the restored database: ${n}.`);
        if (n < POSTS) return failed(`The restored database holds ${n} post(s), not the ${POSTS} of the snapshot.`);
        return passed(`${RESTORED} is available and holds the blog's ${n} posts.`);
      },
      async solve(ctx) {
        const group = (await typeOn(ctx, WORKSTATION, `aws cloudformation describe-stack-resource --stack-name ${STACK} --logical-resource-id DatabaseSubnets --query "StackResourceDetail.PhysicalResourceId" --output text`)).trim();
        await typeOn(ctx, WORKSTATION, `aws rds restore-db-instance-from-db-snapshot --db-instance-identifier ${RESTORED} --db-snapshot-identifier ${SNAPSHOT} --db-subnet-group-name ${group}`);
        const restored = await waitDb(ctx, RESTORED);
        // The restored instance gets the VPC's default group: let the web server in, as the stack's group does.
        const b = await blog(ctx);
        if (isResult(b)) throw new Error(b.detail);
        const dbGroup = (await ctx.aws('cloudformation', 'DescribeStackResource', { StackName: STACK, LogicalResourceId: 'DatabaseSecurityGroup' }, BOOK_REGION)).StackResourceDetail as Obj;
        await ctx.console('rds', 'ModifyDBInstance', { DBInstanceIdentifier: RESTORED, VpcSecurityGroupIds: [dbGroup.PhysicalResourceId], ApplyImmediately: true }, BOOK_REGION);
        await waitDb(ctx, String(restored.DBInstanceIdentifier));
      },
    },
    {
      id: 'restore-cleanup',
      title: 'Remove the restored database and the snapshot',
      section: '§11.3.5',
      needs: [{ op: 'rds:DescribeDBInstances' }, { op: 'rds:DescribeDBSnapshots' }],
      solveNeeds: [{ machine: 'workstation' }],
      hints: [
        'aws rds delete-db-instance --db-instance-identifier awsinaction-db-restore --skip-final-snapshot',
        'aws rds delete-db-snapshot --db-snapshot-identifier wordpress-manual-snapshot',
      ],
      async check(ctx) {
        if (!ctx.hasPassed('snapshot')) return failed('Take the manual snapshot first.');
        const db = (await dbInstances(ctx)).find((d) => d.DBInstanceIdentifier === RESTORED);
        if (db) return failed(`${RESTORED} is still there (${String(db.DBInstanceStatus)}).`);
        if ((await snapshots(ctx)).some((s) => s.DBSnapshotIdentifier === SNAPSHOT)) return failed(`${SNAPSHOT} is still there.`);
        return passed('The restored database and the manual snapshot are gone.');
      },
      async solve(ctx) {
        if ((await dbInstances(ctx)).some((d) => d.DBInstanceIdentifier === RESTORED))
          await typeOn(ctx, WORKSTATION, `aws rds delete-db-instance --db-instance-identifier ${RESTORED} --skip-final-snapshot --query DBInstance.DBInstanceStatus`);
        await typeOn(ctx, WORKSTATION, `aws rds delete-db-snapshot --db-snapshot-identifier ${SNAPSHOT} --query DBSnapshot.Status`);
        await waitFor(ctx, `${RESTORED} to be deleted`, async () => ((await dbInstances(ctx)).some((d) => d.DBInstanceIdentifier === RESTORED) ? undefined : true), 3_600_000, REAL_MS);
      },
    },
    {
      id: 'delete-stack',
      title: 'Delete the wordpress stack',
      section: '§11.7',
      needs: [{ op: 'cloudformation:DescribeStacks' }, { op: 'rds:DescribeDBInstances' }],
      solveNeeds: [{ op: 'cloudformation:DeleteStack' }],
      hints: [`CloudFormation > ${STACK} > Delete (or aws cloudformation delete-stack --stack-name ${STACK}).`],
      async check(ctx) {
        if (!ctx.hasPassed('stack')) return failed('Create the wordpress stack first.');
        const s = await describeStack(ctx, BOOK_REGION, STACK);
        if (s && s.StackStatus !== 'DELETE_COMPLETE') return failed(`The stack ${STACK} is still there (${String(s.StackStatus)}).`);
        const left = await dbInstances(ctx);
        if (left.length) return failed(`A DB instance is still there: ${String(left[0]!.DBInstanceIdentifier)}.`);
        return passed('The stack, its web server and its database are gone.');
      },
      solve: (ctx) => deleteStacks(ctx, BOOK_REGION, [STACK]),
    },
  ],
  async cleanup(ctx) {
    if (!ctx.deps.hasOperation('rds', 'DescribeDBInstances')) return;
    if ((await dbInstances(ctx)).some((d) => d.DBInstanceIdentifier === RESTORED))
      await ctx.console('rds', 'DeleteDBInstance', { DBInstanceIdentifier: RESTORED, SkipFinalSnapshot: true }, BOOK_REGION);
    for (const s of await snapshots(ctx)) await ctx.console('rds', 'DeleteDBSnapshot', { DBSnapshotIdentifier: s.DBSnapshotIdentifier }, BOOK_REGION);
    await deleteStacks(ctx, BOOK_REGION, [STACK]);
    await waitFor(ctx, 'the DB instances to be deleted', async () => ((await dbInstances(ctx)).length ? undefined : true), 3_600_000, REAL_MS);
  },
};
