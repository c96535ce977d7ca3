import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { certificateNotFound, duplicateListener, unsupportedProtocol, validationError } from './errors';
import { getLoadBalancer } from './state/load-balancers';
import { checkActions, listListeners, listenerOutput, type Action } from './state/listeners';
import { listenerArn } from './state/names';
import { putTags } from './state/tags';

export const CreateListener = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'CreateListener'>) => {
  const lb = getLoadBalancer(ctx, input.LoadBalancerArn);
  const protocol = input.Protocol ?? 'HTTP';
  if (!['HTTP', 'HTTPS'].includes(protocol)) throw unsupportedProtocol(`Protocol '${protocol}' is not supported by an Application Load Balancer`);
  const port = input.Port ?? (protocol === 'HTTPS' ? 443 : 80);
  if (port < 1 || port > 65535) throw validationError(`1 validation error detected: Value '${port}' at 'port' failed to satisfy constraint: Member must have value less than or equal to 65535`);
  const certs = (input.Certificates ?? []).filter((c) => c.CertificateArn).map((c) => ({ CertificateArn: c.CertificateArn! }));
  if (protocol === 'HTTPS' && certs.length === 0) throw certificateNotFound('A certificate must be specified for HTTPS listeners');
  const actions = checkActions(ctx, lb.arn, input.DefaultActions as Action[]);
  const existing = listListeners(ctx, lb.arn).find((l) => l.port === port);
  if (existing) {
    if (existing.protocol === protocol && existing.default_actions === JSON.stringify(actions)) return { Listeners: [listenerOutput(existing)] };
    throw duplicateListener(lb.arn);
  }
  const arn = listenerArn(lb.arn);
  ctx.store
    .stmt('INSERT INTO elbv2_listeners (account_id, region, arn, lb_arn, port, protocol, ssl_policy, certificates, default_actions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.accountId, ctx.region, arn, lb.arn, port, protocol, protocol === 'HTTPS' ? (input.SslPolicy ?? 'ELBSecurityPolicy-2016-08') : null, JSON.stringify(certs), JSON.stringify(actions));
  putTags(ctx, arn, input.Tags);
  return { Listeners: [listenerOutput(listListeners(ctx, lb.arn).find((l) => l.arn === arn)!)] };
};
