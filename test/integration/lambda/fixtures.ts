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

/** §7.3's function in our own code: tag each new instance with the IAM user who launched it. */
export const OWNER_TAG_PY = `import boto3

ec2 = boto3.client('ec2')


def lambda_handler(event, context):
    print(event)
    user = event['detail']['userIdentity']['arn'].split('/')[-1]
    instance_id = event['detail']['responseElements']['instancesSet']['items'][0]['instanceId']
    ec2.create_tags(Resources=[instance_id], Tags=[{'Key': 'Owner', 'Value': user}])
`;

/** §7.3's SAM template in our own words; CODE_URI is replaced with where the code was uploaded. */
export const OWNER_TAG_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Tag every new EC2 instance with the name of the user who launched it
Transform: AWS::Serverless-2016-10-31
Resources:
  OwnerTagFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: lambda_function.lambda_handler
      Runtime: python3.6
      CodeUri: CODE_URI
      Timeout: 30
      Policies:
      - Version: '2012-10-17'
        Statement:
        - Effect: Allow
          Action: 'ec2:CreateTags'
          Resource: '*'
      Events:
        LaunchedByCloudTrail:
          Type: CloudWatchEvent
          Properties:
            Pattern:
              detail-type: ['AWS API Call via CloudTrail']
              source: ['aws.ec2']
              detail:
                eventName: ['RunInstances']
`;
