/**
 * Which provider handles a type, and whether it has real behaviour behind it. Resource types come
 * from the services' manifests (`cloudformation` field), handed over by CloudFormation's `start`
 * (the registry sits above this folder); a type no manifest declares is recorded by the simulated
 * provider and labelled as such.
 */
import type { ServiceProvider } from '../../../core/provider';
import { simulatedProvider } from './simulated';
import type { ResourceProvider } from './types';

/**
 * Providers kept here by services that have not declared them in their manifest yet (one spread
 * line each). A manifest's own entry wins.
 */
const CENTRAL: Record<string, ResourceProvider> = {};

let real: Record<string, ResourceProvider> = { ...CENTRAL };

/** Every manifest's resource types, plus the central ones above. */
export function useResourceProviders(manifests: readonly ServiceProvider[]): void {
  real = { ...CENTRAL };
  for (const m of manifests) Object.assign(real, m.cloudformation);
}

export interface ProviderChoice {
  provider: ResourceProvider;
  simulated: boolean;
}

export function providerFor(type: string): ProviderChoice | undefined {
  const found = real[type];
  if (found) return { provider: found, simulated: false };
  const sim = simulatedProvider(type);
  return sim ? { provider: sim, simulated: true } : undefined;
}

export const SIMULATED_REASON = 'Simulated without behaviour: Nimbus Lab records this resource with plausible attributes, but its service is not simulated yet.';
