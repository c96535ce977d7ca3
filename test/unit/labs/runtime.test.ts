/** Progress, resets from snapshots, live re-checks, chapter text, costs and the signed export. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chapterFolder, parseStepsMarkdown } from '../../../src-main/engine/labs/content';
import { canonicalJson } from '../../../src-main/engine/labs/export';
import { CHAPTERS } from '../../../src-main/engine/labs/chapters/index';
import { openLab, stepOf, type TestLab } from './helpers';

let lab: TestLab;
beforeEach(() => {
  lab = openLab();
});
afterEach(() => lab.close());

const keyPairs = async (region = 'us-east-1') =>
  ((await lab.aws('ec2', 'DescribeKeyPairs', {}, { region })).KeyPairs as { KeyName: string }[]).map((k) => k.KeyName).sort();

describe('chapter text', () => {
  it.each(CHAPTERS.map((c) => [c.number, c] as const))('chapter %i has instructions for every step and no orphan text', (_n, c) => {
    const dir = join(lab.engine.resourcesDir, 'labs', chapterFolder(c));
    const steps = parseStepsMarkdown(readFileSync(join(dir, 'steps.md'), 'utf8'));
    expect([...steps.keys()]).toEqual(c.steps.map((s) => s.id));
    for (const [id, text] of steps) expect(text.length, `step ${id}`).toBeGreaterThan(40);
    expect(readFileSync(join(dir, 'chapter.md'), 'utf8')).toMatch(/§\d/);
    for (const s of c.steps) {
      expect(s.hints.length, `hints of ${s.id}`).toBeGreaterThan(0);
      expect(s.section).toMatch(/^§\d+(\.\d+)*(-§\d+(\.\d+)*)?$/);
    }
  });
});

describe('progress and resets', () => {
  it('lists chapters and keeps progress per profile', async () => {
    expect(lab.labs.summaries().map((c) => c.number)).toEqual([1, 3, 4, 6, 9, 11, 12, 13]);
    expect(lab.labs.profiles().map((p) => p.name)).toEqual(['default']);
    lab.labs.createProfile('alice');
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
    await lab.labs.evaluate(1, 'alice');
    expect(stepOf(lab.labs.status(1, 'alice'), 'key-pair').status).toBe('passed');
    expect(stepOf(lab.labs.status(1), 'key-pair').status).toBe('unchecked');
    expect(lab.labs.profiles().map((p) => p.name)).toEqual(['default', 'alice']);
    expect(() => lab.labs.createProfile('Bad Name')).toThrow("Profile names use lower-case letters, digits, '.', '_' and '-' (up to 40): 'Bad Name'.");
  });

  it('resets a chapter to its prepared start while the engine runs, keeping other progress', async () => {
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'before' });
    await lab.labs.start(1);
    await lab.labs.start(3); // prepared: mykey exists
    expect(await keyPairs()).toEqual(['before', 'mykey']);
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'during' });
    await lab.aws('ec2', 'DeleteKeyPair', { KeyName: 'before' });
    await lab.labs.evaluate(1);
    expect(stepOf(lab.labs.status(1), 'key-pair').status).toBe('passed');

    const s = await lab.labs.resetChapter(3);
    expect(await keyPairs()).toEqual(['before', 'mykey']);
    expect(s.steps.every((x) => x.firstPassedAt === undefined)).toBe(true);
    // Chapter 1's progress lives outside the snapshot.
    expect(stepOf(lab.labs.status(1), 'key-pair').firstPassedAt).toBeDefined();
    // The engine keeps working on the restored state.
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'after' });
    expect(await keyPairs()).toEqual(['after', 'before', 'mykey']);
  });

  it('resets the whole lab to its first state and clears the profile', async () => {
    await lab.labs.start(3);
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'x' });
    await lab.labs.resetLab();
    expect(await keyPairs()).toEqual([]);
    expect(lab.labs.status(3).startedAt).toBeUndefined();
  });
});

describe('live re-checks', () => {
  it('pushes a new status when a call changes a watched chapter', async () => {
    await lab.labs.start(1);
    const seen: string[] = [];
    const off = lab.labs.onUpdate((s) => seen.push(stepOf(s, 'key-pair').status));
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
    await expect.poll(() => seen.at(-1), { timeout: 5000 }).toBe('passed');
    await lab.aws('ec2', 'DeleteKeyPair', { KeyName: 'mykey' });
    await expect.poll(() => seen.at(-1), { timeout: 5000 }).toBe('failed');
    off();
  });
});

describe('costs', () => {
  it('prices chapter 3 from the instance-type catalog', () => {
    const c = lab.labs.costs(3);
    expect(c.lines[0]).toEqual({ item: 'mymachine, t2.micro (free tier)', region: 'us-east-1', count: 1, hours: 1, pricePerHour: 0.0116, total: 0.0116, freeTier: true });
    expect(c.lines[2]).toMatchObject({ region: 'ap-southeast-2', pricePerHour: 0.0146 });
    expect(c.perHour).toBe(0.2192);
    expect(c.total).toBe(0.1227);
    expect(lab.labs.costs(1).reminder).toBe('Nothing in this chapter is billed by the hour.');
  });
});

describe('progress export', () => {
  it('signs the export, verifies it, and rejects an edited copy', async () => {
    await lab.aws('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
    await lab.labs.evaluate(1);
    const signed = lab.labs.exportProgress();
    expect(signed.payload.chapters.map((c) => c.number)).toEqual([1]);
    expect(signed.payload.chapters[0]!.steps.find((s) => s.id === 'key-pair')).toMatchObject({ status: 'passed', counted: true });
    const text = JSON.stringify(signed);
    expect(lab.labs.verifyExport(text)).toMatchObject({ valid: true });
    const edited = JSON.parse(text) as typeof signed;
    edited.payload.chapters[0]!.steps[0]!.status = 'passed';
    edited.payload.chapters[0]!.steps[3]!.status = 'passed';
    expect(lab.labs.verifyExport(JSON.stringify(edited))).toEqual({
      valid: false,
      reason: 'the signature does not match: the file was changed, or it comes from another lab',
    });
    expect(lab.labs.verifyExport('nope')).toEqual({ valid: false, reason: 'the file is not JSON' });
    const html = lab.labs.exportHtml();
    expect(html).toContain('<h2>Chapter 1: What is Amazon Web Services?</h2>');
    expect(html).toContain('Create the key pair mykey');
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
