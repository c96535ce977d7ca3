/** The network model: pure functions over a snapshot of one account+region's network facts. */
export * from './world';
export * from './cidr';
export { canReach, interfaceByIp, EPHEMERAL_FROM, EPHEMERAL_TO, type Hop, type Reachability, type Reason, type ReasonCode, type Traffic } from './reachability';
export { evaluateAcl, sgAllows, describeGroups, trafficLabel } from './rules';
export { lookupRoute } from './routes';
