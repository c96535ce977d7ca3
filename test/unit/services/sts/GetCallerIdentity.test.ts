import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src-main/engine/index';
import { servicePrincipal } from '../../../../src-main/engine/core/account';

describe('GetCallerIdentity', () => {
  it('answers the root user: UserId = account id, root ARN', async () => {
    const engine = createEngine();
    const id = engine.account.accountId;
    expect(await engine.call(engine.account.root, 'sts', 'GetCallerIdentity', {}, { region: 'eu-west-1' })).toEqual({
      UserId: id,
      Account: id,
      Arn: `arn:aws:iam::${id}:root`,
    });
  });

  it('answers whichever principal calls', async () => {
    const engine = createEngine();
    const p = servicePrincipal(engine.account.accountId, 'cloudformation');
    expect(await engine.call(p, 'sts', 'GetCallerIdentity', {})).toEqual({
      UserId: 'cloudformation.amazonaws.com',
      Account: engine.account.accountId,
      Arn: `arn:aws:iam::${engine.account.accountId}:role/aws-service-role/cloudformation.amazonaws.com`,
    });
  });
});
