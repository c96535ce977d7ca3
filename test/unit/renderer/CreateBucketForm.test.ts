import { describe, expect, it } from 'vitest';
import { renderToString } from '@vue/test-utils';
import CreateBucketForm from '../../../src-renderer/components/CreateBucketForm.vue';
import { bucketNameRules, brokenBucketNameRules } from '../../../src-renderer/composables/useBucketNameRules';

/** Server-rendered HTML without scoped-style attributes, entities decoded. */
const render = async (props: Record<string, unknown>) =>
  (await renderToString(CreateBucketForm, { props: props as never })).replace(/ data-v-[0-9a-f]+/g, '').replace(/&#39;/g, "'");

describe('CreateBucketForm', () => {
  it('labels the name field "Bucket name" and explains every naming rule', async () => {
    const html = await render({ region: 'eu-west-1', regionLabel: 'Europe (Ireland)' });
    expect(html).toContain('<label for="bucket-name" class="field-label">Bucket name</label>');
    expect(html).toMatch(/<input id="bucket-name"[^>]*type="text"/);
    for (const rule of bucketNameRules) expect(html).toContain(rule.text);
    expect(html).toContain('Europe (Ireland)');
    expect(html).toMatch(/<button type="submit" class="btn primary"[^>]*>\s*Create bucket\s*<\/button>/);
  });

  it('disables the submit button while a request is in flight', async () => {
    const html = await render({ region: 'us-east-1', regionLabel: 'US East (N. Virginia)', busy: true });
    expect(html).toMatch(/<button type="submit" class="btn primary" disabled/);
  });
});

describe('bucket name hints', () => {
  const broken = (name: string) => brokenBucketNameRules(name).map((r) => r.id);

  it('finds nothing wrong with a valid name', () => {
    expect(broken('my-bucket.2026')).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(broken('My_Bucket')).toEqual(['charset', 'edges']);
    expect(broken('ab')).toEqual(['length']);
    expect(broken('a'.repeat(64))).toEqual(['length']);
    expect(broken('-abc')).toEqual(['edges']);
    expect(broken('a..b')).toEqual(['dots']);
    expect(broken('192.168.5.4')).toEqual(['ip']);
    expect(broken('xn--bucket')).toEqual(['reserved']);
    expect(broken('bucket-s3alias')).toEqual(['reserved']);
  });
});
