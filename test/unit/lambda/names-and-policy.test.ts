import { describe, expect, it } from 'vitest';
import { parseFunctionName } from '../../../src-main/engine/services/lambda/state/functions';
import { servicePermitted } from '../../../src-main/engine/services/lambda/state/policy';
import { servicePrincipal } from '../../../src-main/engine/core/account';
import type { Store } from '../../../src-main/engine/store/store';

const scope = { store: {} as Store, accountId: '123456789012', region: 'us-east-1' };

describe('function names', () => {
  it('takes a name, name:qualifier, a partial ARN and a full ARN', () => {
    expect(parseFunctionName(scope, 'canary')).toEqual({ name: 'canary' });
    expect(parseFunctionName(scope, 'canary:prod')).toEqual({ name: 'canary', qualifier: 'prod' });
    expect(parseFunctionName(scope, '123456789012:function:canary')).toEqual({ name: 'canary' });
    expect(parseFunctionName(scope, 'arn:aws:lambda:us-east-1:123456789012:function:canary:3')).toEqual({ name: 'canary', qualifier: '3' });
  });

  it('refuses another region and names that are no function names', () => {
    expect(() => parseFunctionName(scope, 'arn:aws:lambda:eu-west-1:123456789012:function:canary')).toThrow(/failed to satisfy constraint/);
    expect(() => parseFunctionName(scope, 'bad name')).toThrow(/failed to satisfy constraint/);
    expect(() => parseFunctionName(scope, 'arn:aws:lambda:us-east-1:999999999999:function:canary')).toThrow(/Function not found/);
  });
});

describe('resource policy', () => {
  const events = servicePrincipal('123456789012', 'events');
  const statement = (sourceArn?: string) => ({
    policy: JSON.stringify([
      { Sid: 's', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: 'x', ...(sourceArn ? { Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } } } : {}) },
    ]),
  });
  it('lets EventBridge invoke only with a statement for it, matching the source ARN', () => {
    expect(servicePermitted({ policy: '[]' }, events)).toBe(false);
    expect(servicePermitted(statement(), events)).toBe(true);
    expect(servicePermitted(statement('arn:aws:events:us-east-1:123456789012:rule/a*'), events, 'arn:aws:events:us-east-1:123456789012:rule/abc')).toBe(true);
    expect(servicePermitted(statement('arn:aws:events:us-east-1:123456789012:rule/a*'), events, 'arn:aws:events:us-east-1:123456789012:rule/zzz')).toBe(false);
    expect(servicePermitted({ policy: '[]' }, servicePrincipal('123456789012', 'cloudformation'))).toBe(true);
  });
});
