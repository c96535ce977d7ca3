import type { Ctx } from '../../core/provider';
import type { OperationInput } from '../../models/generated';
import { duplicateListener, unsupportedProtocol } from './errors';
import { checkActions, getListener, listListeners, listenerOutput, type Action } from './state/listeners';

export const ModifyListener = (ctx: Ctx, input: OperationInput<'elasticloadbalancingv2', 'ModifyListener'>) => {
  const l = getListener(ctx, input.ListenerArn);
  const protocol = input.Protocol ?? l.protocol;
  if (!['HTTP', 'HTTPS'].includes(protocol)) throw unsupportedProtocol(`Protocol '${protocol}' is not supported by an Application Load Balancer`);
  const port = input.Port ?? l.port;
  if (port !== l.port && listListeners(ctx, l.lb_arn).some((x) => x.port === port)) throw duplicateListener(l.lb_arn);
  const actions = input.DefaultActions ? JSON.stringify(checkActions(ctx, l.lb_arn, input.DefaultActions as Action[])) : l.default_actions;
  const certs = input.Certificates ? JSON.stringify(input.Certificates.filter((c) => c.CertificateArn).map((c) => ({ CertificateArn: c.CertificateArn }))) : l.certificates;
  ctx.store.stmt('UPDATE elbv2_listeners SET port = ?, protocol = ?, ssl_policy = ?, certificates = ?, default_actions = ? WHERE arn = ?').run(port, protocol, input.SslPolicy ?? l.ssl_policy, certs, actions, l.arn);
  return { Listeners: [listenerOutput(getListener(ctx, l.arn))] };
};
