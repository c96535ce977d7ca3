/** AWS/ELB metrics of Classic Load Balancers, from the requests their hidden v2 rows counted. */
import type { ServiceMetrics } from '../../core/metrics';
import { sampleElbMetrics } from '../elasticloadbalancingv2/index';

export const elbMetrics: ServiceMetrics = {
  namespace: 'AWS/ELB',
  metrics: [
    { name: 'RequestCount', dimensions: ['LoadBalancerName'], unit: 'Count' },
    { name: 'HTTPCode_Backend_2XX', dimensions: ['LoadBalancerName'], unit: 'Count' },
    { name: 'HTTPCode_Backend_4XX', dimensions: ['LoadBalancerName'], unit: 'Count' },
    { name: 'HTTPCode_Backend_5XX', dimensions: ['LoadBalancerName'], unit: 'Count' },
    { name: 'HTTPCode_ELB_5XX', dimensions: ['LoadBalancerName'], unit: 'Count' },
    { name: 'Latency', dimensions: ['LoadBalancerName'], unit: 'Seconds' },
    { name: 'HealthyHostCount', dimensions: ['LoadBalancerName'], unit: 'Count' },
    { name: 'UnHealthyHostCount', dimensions: ['LoadBalancerName'], unit: 'Count' },
  ],
  sample: (engine, scope, at, periodMs) => sampleElbMetrics(engine.store, scope, at, periodMs, true),
};
