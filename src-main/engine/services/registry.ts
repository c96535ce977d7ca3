/** Every service with behaviour in the lab. Adding a service = one line here. */
import type { ServiceProvider } from '../core/provider';
import { s3Provider } from './s3';
import { stsProvider } from './sts';

export const providers: ServiceProvider[] = [s3Provider, stsProvider];
