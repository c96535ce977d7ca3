import { describe, expect, it } from 'vitest';
import { xformName } from '../../../src-main/engine/cli/names';
import { parseShorthand } from '../../../src-main/engine/cli/shorthand';
import { pyFloatRepr, pyRound } from '../../../src-main/engine/cli/pyformat';
import { formatYaml } from '../../../src-main/engine/cli/format/yaml';
import { formatText } from '../../../src-main/engine/cli/format/text';
import { closeMatches } from '../../../src-main/engine/cli/difflib';
import { humanReadableSize } from '../../../src-main/engine/cli/s3';
import { encodeToken } from '../../../src-main/engine/cli/paginate';

describe('xformName (botocore)', () => {
  it.each([
    ['DescribeDBInstances', 'describe-db-instances'],
    ['CreateVPCEndpoint', 'create-vpc-endpoint'],
    ['DescribeInstances', 'describe-instances'],
    ['ListObjectsV2', 'list-objects-v2'],
    ['GetBucketACL', 'get-bucket-acl'],
    ['ListWebACLs', 'list-web-acls'],
    ['DescribeCachediSCSIVolumes', 'describe-cached-iscsi-volumes'],
    ['AssociateIamInstanceProfile', 'associate-iam-instance-profile'],
    ['CreateDBSnapshot', 'create-db-snapshot'],
    ['SecondaryPrivateIpAddressCount', 'secondary-private-ip-address-count'],
    ['DryRun', 'dry-run'],
    ['SSEKMSKeyId', 'ssekms-key-id'],
  ])('%s → %s', (a, b) => expect(xformName(a)).toBe(b));
});

describe('shorthand', () => {
  it('parses the book\'s forms', () => {
    expect(parseShorthand('Name=isDefault, Values=true')).toEqual({ Name: 'isDefault', Values: 'true' });
    expect(parseShorthand('Name=tag:Name,Values=a,b')).toEqual({ Name: 'tag:Name', Values: ['a', 'b'] });
    expect(parseShorthand('ParameterKey=K,UsePreviousValue=true')).toEqual({ ParameterKey: 'K', UsePreviousValue: 'true' });
    expect(parseShorthand('a={b=[1,2],c="x,y"}')).toEqual({ a: { b: ['1', '2'], c: 'x,y' } });
  });
  it('reports Python\'s error with a caret', () => {
    expect(() => parseShorthand('Status')).toThrow("Expected: '=', received: 'EOF' for input:\nStatus\n      ^");
  });
});

describe('Python formatting', () => {
  it('float repr and banker\'s rounding', () => {
    expect([1, 0.5, 1e16, 1e-5, 123.456, 1e15].map(pyFloatRepr)).toEqual(['1.0', '0.5', '1e+16', '1e-05', '123.456', '1000000000000000.0']);
    expect([2.5, 3.5, -2.5].map(pyRound)).toEqual([2, 4, -2]);
  });
  it('text output sorts scalar columns and upper-cases identifiers', () => {
    expect(formatText({ Owner: { ID: 'x', DisplayName: 'n' }, Buckets: [] })).toBe('OWNER\tn\tx\n');
    expect(formatText([['a', 'b'], 'c'])).toBe('c\na\tb\n');
  });
  it('yaml quotes implicit types and keeps sequences flush with their key', () => {
    expect(formatYaml({ Account: '123456789012', L: [{ Key: 'a b' }], E: '', T: '2026-01-01T00:00:00+00:00' })).toBe(
      "Account: '123456789012'\nE: ''\nL:\n- Key: a b\nT: '2026-01-01T00:00:00+00:00'\n",
    );
  });
  it('difflib close matches', () => expect(closeMatches('list-bucket', ['list-buckets', 'list-objects', 'get-object'])).toEqual(['list-buckets']));
  it('human readable sizes', () => expect([1, 10, 1024, 1536, 1024 ** 3].map(humanReadableSize)).toEqual(['1 Byte', '10 Bytes', '1.0 KiB', '1.5 KiB', '1.0 GiB']));
  it('pagination tokens are base64 of Python json', () =>
    expect(Buffer.from(encodeToken({ ContinuationToken: null, boto_truncate_amount: 1 }), 'base64').toString()).toBe('{"ContinuationToken": null, "boto_truncate_amount": 1}'));
});
