import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch, type PatchOperation } from '../../../src-main/engine/models/patch';
import { loadModel } from '../../../src-main/engine/models/load';
import type { ServiceModel } from '../../../src-main/engine/models/types';

const resources = join(import.meta.dirname, '../../../resources');
const patchesDir = join(resources, 'models/patches');
const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const patchFiles = readdirSync(patchesDir).filter((f) => f.endsWith('.json'));

describe('model patches', () => {
  it('exist for s3 and sts', () => {
    expect(patchFiles).toEqual(expect.arrayContaining(['s3.json', 'sts.json']));
  });

  for (const file of patchFiles) {
    const service = file.slice(0, -'.json'.length);
    describe(service, () => {
      const ops = read<PatchOperation[]>(join(patchesDir, file));
      const pristine = read<ServiceModel>(join(resources, 'models', service, 'service.json'));

      it('gives every operation a reason', () => {
        for (const op of ops) {
          expect(['add', 'remove', 'replace', 'test']).toContain(op.op);
          expect(op.path).toMatch(/^\//);
          expect(typeof op.why === 'string' && op.why.length > 10, `${op.path} needs a why`).toBe(true);
        }
      });

      // Applied one at a time, so a path that vanished in a model update names itself.
      it('applies to the pristine model, each path still present', () => {
        let doc = pristine;
        for (const op of ops) {
          expect(() => (doc = applyPatch(doc, [op])), op.path).not.toThrow();
        }
      });

      it('does not add what the model already has (an add over an existing key hides a model change)', () => {
        for (const op of ops.filter((o) => o.op === 'add')) {
          const tokens = op.path.split('/').slice(1);
          let node: unknown = pristine;
          for (const t of tokens) node = (node as Record<string, unknown> | undefined)?.[t];
          expect(node, op.path).toBeUndefined();
        }
      });
    });
  }
});

describe('patched s3 model', () => {
  const s3 = loadModel(resources, 's3');

  it('declares the bucket and key errors with their HTTP status', () => {
    const status = (name: string) => [s3.shapes[name]?.exception, s3.shapes[name]?.error?.httpStatusCode];
    expect(status('NoSuchBucket')).toEqual([true, 404]);
    expect(status('NoSuchKey')).toEqual([true, 404]);
    expect(status('NoSuchUpload')).toEqual([true, 404]);
    expect(status('BucketAlreadyExists')).toEqual([true, 409]);
    expect(status('BucketAlreadyOwnedByYou')).toEqual([true, 409]);
    expect(status('BucketNotEmpty')).toEqual([true, 409]);
    expect(status('InvalidObjectState')).toEqual([true, 403]);
  });

  it('lists the errors an operation raises', () => {
    expect(s3.operations.DeleteBucket?.errors?.map((e) => e.shape)).toEqual(['NoSuchBucket', 'BucketNotEmpty']);
    expect(s3.operations.GetObject?.errors?.map((e) => e.shape)).toEqual([
      'NoSuchBucket',
      'NoSuchKey',
      'NoSuchVersion',
      'InvalidObjectState',
    ]);
  });

  it('names the XML root of list outputs as S3 does, in the S3 namespace', () => {
    expect(s3.operations.ListObjectsV2?.output?.locationName).toBe('ListBucketResult');
    expect(s3.operations.ListBuckets?.output?.locationName).toBe('ListAllMyBucketsResult');
    expect(s3.operations.CreateMultipartUpload?.output?.locationName).toBe('InitiateMultipartUploadResult');
    expect(s3.metadata.xmlNamespace).toBe('http://s3.amazonaws.com/doc/2006-03-01/');
  });
});

describe('patched sts model', () => {
  const sts = loadModel(resources, 'sts');

  it('restores the error codes, which differ from the shape names', () => {
    expect(sts.shapes.MalformedPolicyDocumentException?.error).toEqual({
      code: 'MalformedPolicyDocument',
      httpStatusCode: 400,
      senderFault: true,
    });
    expect(sts.shapes.RegionDisabledException?.error?.httpStatusCode).toBe(403);
    expect(sts.operations.GetSessionToken?.errors?.map((e) => e.shape)).toEqual(['RegionDisabledException']);
  });
});
