/** Which provider handles a type, and whether it has real behaviour behind it. */
import { cloudformationProviders } from './cloudformation';
import { ec2ComputeProviders } from './ec2-compute';
import { ec2NetworkProviders } from './ec2-network';
import { iamProviders } from './iam';
import { s3Providers } from './s3';
import { simulatedProvider } from './simulated';
import type { ResourceProvider } from './types';

const REAL: Record<string, ResourceProvider> = {
  ...ec2NetworkProviders,
  ...ec2ComputeProviders,
  ...s3Providers,
  ...iamProviders,
  ...cloudformationProviders,
};

export interface ProviderChoice {
  provider: ResourceProvider;
  simulated: boolean;
}

export function providerFor(type: string): ProviderChoice | undefined {
  const real = REAL[type];
  if (real) return { provider: real, simulated: false };
  const sim = simulatedProvider(type);
  return sim ? { provider: sim, simulated: true } : undefined;
}

export const SIMULATED_REASON = 'Simulated without behaviour: Nimbus Lab records this resource with plausible attributes, but its service is not simulated yet.';
