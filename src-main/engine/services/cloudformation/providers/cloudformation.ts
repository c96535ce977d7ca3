/**
 * AWS::CloudFormation::WaitConditionHandle and WaitCondition. The handle's physical id is a
 * presigned-style URL; a PUT of a signal document to it (curl, cfn-signal) reaches
 * `signalWaitConditionHandle` (the lab server and the guests' curl route it there). The wait
 * itself is the runner's signals phase.
 */
import { createHash } from 'node:crypto';
import type { ResourceProvider } from './types';

export const WAIT_HANDLE_HOST = (region: string) => `cloudformation-waitcondition-${region}.s3.amazonaws.com`;

export function waitHandleUrl(region: string, accountId: string, stackId: string, logicalId: string, now: number): string {
  const path = `/${encodeURIComponent(stackId)}/${logicalId}`;
  const date = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const signature = createHash('sha256').update(`${accountId}${path}${date}`).digest('hex');
  return `https://${WAIT_HANDLE_HOST(region)}${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-SignedHeaders=host&X-Amz-Expires=86399&X-Amz-Credential=AKIAIIT3CWAIMJYUTISA%2F${date.slice(0, 8)}%2F${region}%2Fs3%2Faws4_request&X-Amz-Signature=${signature}`;
}

/** The stack and handle a wait-condition URL names, or undefined when it is not one. */
export function parseWaitHandleUrl(url: string): { region: string; stackId: string; logicalId: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = /^cloudformation-waitcondition-([a-z0-9-]+)\.s3\.amazonaws\.com$/.exec(u.hostname);
  const path = /^\/([^/]+)\/([A-Za-z0-9]+)$/.exec(u.pathname);
  if (!host || !path) return undefined;
  return { region: host[1]!, stackId: decodeURIComponent(path[1]!), logicalId: path[2]! };
}

export const cloudformationProviders: Record<string, ResourceProvider> = {
  'AWS::CloudFormation::WaitConditionHandle': {
    create: async (rc) => ({ physicalId: waitHandleUrl(rc.region, rc.accountId, rc.stackId, rc.logicalId, rc.now()) }),
    delete: async () => undefined,
  },
  'AWS::CloudFormation::WaitCondition': {
    create: async (rc) => ({ physicalId: `arn:${rc.partition}:cloudformation:${rc.region}:${rc.accountId}:${rc.stackId.split(':').pop()}/${rc.logicalId}` }),
    delete: async () => undefined,
  },
};
