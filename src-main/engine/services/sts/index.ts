/** The STS provider. GetCallerIdentity only, for now; STS keeps no state of its own yet. */
import type { ServiceProvider } from '../../core/provider';
import { GetCallerIdentity } from './GetCallerIdentity';

export const stsProvider: ServiceProvider = {
  service: 'sts',
  migrations: [],
  handlers: { GetCallerIdentity },
};
