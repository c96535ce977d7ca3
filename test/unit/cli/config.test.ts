import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/engine/index';
import { runAwsCli } from '../../../src-main/engine/cli';
import { memoryHost } from './memory-host';

describe('aws configure and credential resolution', () => {
  it('prompts with bracketed values, writes both files, then the key works', async () => {
    const engine = createEngine();
    const h = memoryHost({ call: engine.call, lookup: (id) => engine.lookupAccessKey(id) });
    h.answers = [engine.account.rootAccessKeyId, engine.account.rootSecretAccessKey, 'us-east-1', 'json'];
    expect(await runAwsCli(['configure'], h)).toBe(0);
    expect(h.out).toBe('AWS Access Key ID [None]: AWS Secret Access Key [None]: Default region name [None]: Default output format [None]: ');
    expect(Buffer.from(await h.fs.readFile('/home/learner/.aws/credentials')).toString()).toBe(
      `[default]\naws_access_key_id = ${engine.account.rootAccessKeyId}\naws_secret_access_key = ${engine.account.rootSecretAccessKey}\n`,
    );
    expect(Buffer.from(await h.fs.readFile('/home/learner/.aws/config')).toString()).toBe('[default]\nregion = us-east-1\noutput = json\n');
    h.out = '';
    h.answers = ['', '', 'eu-west-1', ''];
    expect(await runAwsCli(['configure'], h)).toBe(0);
    expect(h.out).toBe(`AWS Access Key ID [****************${engine.account.rootAccessKeyId.slice(-4)}]: AWS Secret Access Key [****************${engine.account.rootSecretAccessKey.slice(-4)}]: Default region name [us-east-1]: Default output format [json]: `);
    expect(Buffer.from(await h.fs.readFile('/home/learner/.aws/config')).toString()).toBe('[default]\nregion = eu-west-1\noutput = json\n');
    h.out = '';
    expect(await runAwsCli(['configure', 'get', 'region'], h)).toBe(0);
    expect(h.out).toBe('eu-west-1\n');
    h.out = '';
    expect(await runAwsCli(['sts', 'get-caller-identity', '--query', 'Arn', '--output', 'text'], h)).toBe(0);
    expect(h.out).toBe(`arn:aws:iam::${engine.account.accountId}:root\n`);
    engine.close();
  });

  it('no credentials, no region', async () => {
    const engine = createEngine();
    const h = memoryHost({ call: engine.call, lookup: (id) => engine.lookupAccessKey(id), env: { AWS_DEFAULT_REGION: 'us-east-1' } });
    expect(await runAwsCli(['sts', 'get-caller-identity'], h)).toBe(253);
    expect(h.err).toBe('\nUnable to locate credentials. You can configure credentials by running "aws configure".\n');
    const h2 = memoryHost({ call: engine.call, lookup: (id) => engine.lookupAccessKey(id), env: { AWS_ACCESS_KEY_ID: engine.account.rootAccessKeyId, AWS_SECRET_ACCESS_KEY: engine.account.rootSecretAccessKey } });
    expect(await runAwsCli(['sts', 'get-caller-identity'], h2)).toBe(253);
    expect(h2.err).toBe('\nYou must specify a region. You can also configure your region by running "aws configure".\n');
    engine.close();
  });
});
