/** Our own small functions, a role for them and a Lambda client, for the Lambda tests. */
import { strToU8, zipSync } from 'fflate';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { rootPrincipal } from '../../../src-main/engine/core/account';
import type { InProcessLab } from '../../helpers/inproc-lab';

export const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export const asRoot = (lab: InProcessLab, service: string, operation: string, input: Record<string, unknown>) =>
  lab.engine.call(rootPrincipal(lab.engine.account.accountId), service, operation, input, { source: 'internal' });

/** A role Lambda may assume, with the given managed policies attached. */
export async function lambdaRole(lab: InProcessLab, name: string, policies: string[] = []): Promise<string> {
  const out = await asRoot(lab, 'iam', 'CreateRole', { RoleName: name, AssumeRolePolicyDocument: LAMBDA_TRUST });
  for (const arn of policies) await asRoot(lab, 'iam', 'AttachRolePolicy', { RoleName: name, PolicyArn: arn });
  return (out.Role as { Arn: string }).Arn;
}

export const lambdaClient = (lab: InProcessLab) => new LambdaClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: lab.credentials, maxAttempts: 1 });

export const text = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array()).toString('utf8');

/** Polls until check() answers something truthy (the runs it waits for are real processes, not simulated time). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A website health check of the §7.2 canary's shape, in our own code: `site` and `expected` come from the environment. */
export const CANARY_PY = `import os
from datetime import datetime
from urllib.request import Request, urlopen

SITE = os.environ['site']
EXPECTED = os.environ['expected']


def page_is_right(body):
    return EXPECTED in body


def lambda_handler(event, context):
    print('Checking {} at {}...'.format(SITE, event.get('time', '')))
    try:
        with urlopen(Request(SITE, headers={'User-Agent': 'Nimbus Lab canary'}), timeout=10) as res:
            if not page_is_right(res.read().decode('utf-8', 'replace')):
                raise Exception('Validation failed')
    except Exception:
        print('Check failed!')
        raise
    else:
        print('Check passed!')
        return event.get('time')
    finally:
        print('Check complete at {}'.format(str(datetime.now())))
`;
