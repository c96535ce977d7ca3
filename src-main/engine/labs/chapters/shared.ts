/** Checks and solver pieces several chapters share (key pair mykey, the key file, instances by name). */
import { arr, describeInstances, isLive, nameOf, str, type Instance } from '../cloud';
import { failed, passed, type CheckResult, type MachineTarget, type StepContext } from '../types';

export const BOOK_REGION = 'us-east-1';
export const KEY_NAME = 'mykey';

export async function keyPairExists(ctx: StepContext, region: string, name: string): Promise<boolean> {
  const out = await ctx.aws('ec2', 'DescribeKeyPairs', {}, region);
  return arr(out.KeyPairs).some((k) => k.KeyName === name);
}

/** Creates a key pair the way the console does and saves the private key in the workstation's home. */
export async function createKeyPairAndSave(ctx: StepContext, region: string, name: string): Promise<void> {
  const out = await ctx.console('ec2', 'CreateKeyPair', { KeyName: name }, region);
  const material = str(out.KeyMaterial) ?? '';
  if (ctx.deps.machines) {
    const b64 = Buffer.from(material).toString('base64');
    await ctx.deps.machines.run({ kind: 'workstation' }, `echo '${b64}' | base64 -d > ~/${name}.pem`);
  }
}

export const WORKSTATION: MachineTarget = { kind: 'workstation' };

/** Types a command into the learner's workstation terminal ("Show me"), or runs it when none is open. */
export async function typeOn(ctx: StepContext, target: MachineTarget, line: string): Promise<string> {
  const m = ctx.deps.machines;
  if (!m) throw new Error('the lab has no terminals in this build');
  const out = await (m.type ?? m.run).call(m, target, line);
  if (out.exitCode !== 0) throw new Error(`'${line}' exited with ${out.exitCode}: ${out.stderr.trim() || out.stdout.trim()}`);
  return out.stdout;
}

/** The key file check of §1.8.3: ~/NAME.pem (anywhere under the home folder) with mode 400. */
export async function checkKeyFile(ctx: StepContext, name: string): Promise<CheckResult> {
  const out = await ctx.deps.machines!.run(WORKSTATION, `find ~ -name '${name}.pem' -type f -exec stat -c '%a %n' {} \\;`);
  const files = out.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ mode: l.slice(0, l.indexOf(' ')), path: l.slice(l.indexOf(' ') + 1) }));
  if (files.length === 0)
    return failed(`There is no ${name}.pem in your workstation's home folder. Download it when you create the key pair (it is shown only once).`);
  const good = files.find((f) => f.mode === '400');
  if (good) return passed(`${good.path} is readable only by you (mode 400).`);
  const f = files[0]!;
  return failed(`${f.path} has mode ${f.mode}; ssh refuses keys others can read. Run chmod 400 ${f.path}.`);
}

/** Live (not terminated) instances tagged Name=name in a region. */
export async function liveByName(ctx: StepContext, region: string, name: string): Promise<Instance[]> {
  return (await describeInstances(ctx, region)).filter((i) => isLive(i) && nameOf(i) === name);
}

export async function instanceById(ctx: StepContext, region: string, id: string | undefined): Promise<Instance | undefined> {
  if (!id) return undefined;
  return (await describeInstances(ctx, region)).find((i) => i.InstanceId === id);
}
