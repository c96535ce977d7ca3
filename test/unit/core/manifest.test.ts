// Every service manifest declares every piece, with names its model knows (core/manifest-check.ts).
import { describe, expect, it } from 'vitest';
import { manifestProblems, registryProblems } from '../../../src-main/engine/core/manifest-check';
import type { ServiceProvider } from '../../../src-main/engine/core/provider';
import { defineService } from '../../../src-main/engine/core/provider';
import { listModelServices, loadModel } from '../../../src-main/engine/models/load';
import { findResourcesDir } from '../../../src-main/engine/models/paths';
import { providers } from '../../../src-main/engine/services/registry';

const resources = findResourcesDir();
const models = new Set(listModelServices(resources));
const operations = (service: string) => (models.has(service) ? Object.keys(loadModel(resources, service).operations) : undefined);

const s3 = providers.find((p) => p.service === 's3')!;

describe('service manifests', () => {
  it.each(providers.map((p) => [p.service, p] as const))('%s declares every piece with names its model knows', (_name, m) => {
    expect(manifestProblems(m, operations)).toEqual([]);
  });

  it('no service is listed twice and no resource type is claimed twice', () => {
    expect(registryProblems(providers)).toEqual([]);
  });

  it('names the piece a manifest lacks', () => {
    const { inventory: _dropped, ...rest } = s3;
    expect(manifestProblems(rest as ServiceProvider, operations)).toEqual([
      's3: inventory: missing (declare it, empty if the service has none)',
    ]);
  });

  it('names a handler that is not an operation of the model', () => {
    const broken = { ...s3, handlers: { ...s3.handlers, PutObjet: s3.handlers.PutObject! } };
    expect(manifestProblems(broken, operations)).toEqual(['s3: handlers: "PutObjet" is not an operation of the s3 model']);
  });

  it('names IAM table, resource type and inventory entries that point nowhere', () => {
    const broken: ServiceProvider = {
      ...s3,
      iam: { ...s3.iam, actions: { ...s3.iam.actions, ListObjectz: 'ListBucket' } },
      cloudformation: { 'S3 bucket': s3.cloudformation['AWS::S3::Bucket']! },
      inventory: [{ operation: 'ListBuckits', list: async () => [] }],
    };
    expect(manifestProblems(broken, operations)).toEqual([
      's3: iam.actions: "ListObjectz" is not an operation of the s3 model',
      's3: cloudformation: "S3 bucket" is not a resource type name (AWS::Service::Resource)',
      's3: inventory: "s3:ListBuckits" is not an operation of its model',
    ]);
  });

  it('a resource type declared by two services is reported', () => {
    const twin: ServiceProvider = { ...s3, service: 'sts', cloudformation: { 'AWS::S3::Bucket': s3.cloudformation['AWS::S3::Bucket']! } };
    expect(registryProblems([s3, twin])).toEqual(['sts: cloudformation: "AWS::S3::Bucket" is also declared by s3']);
  });

  it('defineService refuses a misspelled handler name at compile time', () => {
    const ok = defineService({ service: 'sts', migrations: [], handlers: {}, iam: { prefix: 'sts' }, cloudformation: {}, inventory: [] });
    expect(ok.service).toBe('sts');
    defineService({
      service: 'sts',
      migrations: [],
      // @ts-expect-error GetCallerIdentiy is not an STS operation: tsc fails if this line compiles
      handlers: { GetCallerIdentiy: () => ({}) },
      iam: { prefix: 'sts' },
      cloudformation: {},
      inventory: [],
    });
  });
});
