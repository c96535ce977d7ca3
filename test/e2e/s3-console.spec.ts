/**
 * The S3 console page end to end: a real `nimbus serve`, the browser build of the console, and
 * Debian's Chromium. Create a bucket through the form, see it listed; try a name with capitals and
 * see S3's InvalidBucketName, with nothing created; a bucket made through an SDK shows up live; on
 * the bucket's page, create a folder, upload a file into it with progress, download it back byte for
 * byte, and delete it after typing AWS's confirmation; turn versioning on and add a lifecycle rule (§8.4).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;
let dataDir: string;
let endpoint: string;
const shoot = (name: string) => lab.shoot(name);

beforeAll(async () => {
  lab = await startE2eLab({ viewport: { width: 1280, height: 860 } });
  page = lab.page;
  dataDir = lab.dataDir;
  endpoint = lab.endpoint;
});
afterAll(async () => lab?.close());

const bucketRows = () => page.locator('[data-test="bucket-row"] td.name').allTextContents();

describe('S3 console', () => {
  it('opens Console Home with the account id in the top bar', async () => {
    await page.goto(lab.consoleUrl);
    await page.getByRole('heading', { name: 'Console Home' }).waitFor();
    const credentials = readFileSync(join(dataDir, 'credentials'), 'utf8');
    const accountKey = /aws_access_key_id\s*=\s*(\S+)/.exec(credentials)?.[1];
    expect(accountKey).toMatch(/^AKIA/);
    await page.locator('[data-test="account-menu"]').click();
    await lab.waitFor('account id', async () => ((await page.locator('[data-test="account-id"]').textContent()) !== '…' ? true : undefined));
    const shown = (await page.locator('[data-test="account-id"]').textContent()) ?? '';
    expect(shown).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    await shoot('01-console-home');
    await page.locator('[data-test="account-menu"]').click();
  });

  it('creates a bucket through the form and lists it', async () => {
    await page.locator('[data-test="services-menu"]').click();
    await page.getByRole('menuitem', { name: /S3/ }).click();
    await page.getByRole('heading', { name: /Buckets/ }).waitFor();
    await page.getByText('No buckets yet').waitFor();
    await page.locator('[data-test="create-bucket"]').click();
    await page.getByLabel('Bucket name').fill('e2e-first-bucket');
    await shoot('02-create-bucket-form');
    await page.locator('[data-test="create-bucket-submit"]').click();
    await page.locator('[data-test="bucket-row"]').first().waitFor();
    expect(page.url()).toMatch(/#\/s3$/);
    expect(await bucketRows()).toEqual(['e2e-first-bucket']);
    expect(await page.locator('[data-test="flash"]').first().textContent()).toContain(
      'Bucket "e2e-first-bucket" created.',
    );
    await shoot('03-bucket-created');
  });

  it("shows S3's InvalidBucketName for a name with capitals and creates nothing", async () => {
    await page.locator('[data-test="create-bucket"]').click();
    await page.getByLabel('Bucket name').fill('My-Bucket');
    await page.locator('[data-test="create-bucket-submit"]').click();
    const flash = page.locator('[data-test="flash"]').filter({ hasText: 'was not created' });
    await flash.waitFor();
    expect(await flash.locator('[data-test="flash-code"]').textContent()).toBe('InvalidBucketName');
    expect(await flash.locator('[data-test="flash-message"]').textContent()).toBe('The specified bucket is not valid.');
    expect(page.url()).toMatch(/#\/s3\/create$/); // the form stays for a corrected name
    await shoot('04-invalid-bucket-name');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-test="bucket-row"]').first().waitFor();
    expect(await bucketRows()).toEqual(['e2e-first-bucket']);
  });

  it('shows a bucket created through an SDK, live, with the call in recent activity', async () => {
    const text = readFileSync(join(dataDir, 'credentials'), 'utf8');
    const get = (k: string) => new RegExp(`^${k}\\s*=\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
    const s3 = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: get('aws_access_key_id'), secretAccessKey: get('aws_secret_access_key') },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'made-by-sdk' }));
    s3.destroy();
    await page.locator('[data-test="bucket-row"] td.name', { hasText: 'made-by-sdk' }).waitFor();
    expect(await bucketRows()).toEqual(['e2e-first-bucket', 'made-by-sdk']);
    // The SDK's call is in the history next to the console's own refresh (ListBuckets) it triggered.
    const rows = await page.locator('[data-test="recent-activity"] tbody tr').allTextContents();
    expect(
      rows.filter((r) => r.includes('s3:CreateBucket') && r.includes('CLI / SDK') && r.includes('Success')),
    ).toHaveLength(1);
    expect(
      rows.filter((r) => r.includes('s3:CreateBucket') && r.includes('Console') && r.includes('InvalidBucketName')),
    ).toHaveLength(1);
    await shoot('05-sdk-bucket-live');
  });

  it('uploads a file into a new folder and downloads it back with the same bytes', async () => {
    await page.locator('[data-test="bucket-row"] td.name a', { hasText: 'e2e-first-bucket' }).click();
    await page.getByRole('heading', { name: 'e2e-first-bucket' }).waitFor();
    expect(page.url()).toMatch(/#\/s3\/e2e-first-bucket$/);
    for (const name of ['Upload', 'Download', 'Delete', 'Create folder'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Create folder', exact: true }).click();
    await page.getByLabel('Folder name').fill('notes');
    await page.locator('.n-modal').getByRole('button', { name: 'Create folder' }).click();
    await page.locator('[data-test="folder-link"]', { hasText: 'notes/' }).click();
    await lab.waitFor('prefix', () => (page.url().endsWith('?prefix=notes%2F') ? true : undefined));
    await page.getByText('No objects.').waitFor();

    // 6 MiB + a bit: more than one 5 MiB part, so the upload goes part by part.
    const bytes = randomBytes(6 * 1024 * 1024 + 123);
    const file = join(tmpdir(), `nimbus-e2e-upload-${process.pid}.bin`);
    writeFileSync(file, bytes);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.locator('[data-test="upload-input"]').setInputFiles(file);
    await page.locator('[data-test="upload-submit"]').click();
    const row = page.locator('[data-test="upload-row"]').first();
    await lab.waitFor('upload', async () => ((await row.getAttribute('data-status')) === 'succeeded' ? true : undefined));
    expect(await row.getAttribute('data-percent')).toBe('100');
    await shoot('06-upload-done');
    await page.locator('.n-modal').getByRole('button', { name: 'Close', exact: true }).click();
    const name = file.split('/').pop()!;
    await page.locator('[data-test="object-name"]', { hasText: name }).waitFor();

    // The SDK sees the same bytes under the folder's prefix.
    const creds = lab.credentials();
    const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: creds });
    const got = await s3.send(new GetObjectCommand({ Bucket: 'e2e-first-bucket', Key: `notes/${name}` }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
    s3.destroy();

    await page.locator(`[data-test="object-row"][data-key="notes/${name}"] .n-checkbox`).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(name);
    expect(readFileSync((await saved.path())!).equals(bytes)).toBe(true);
  });

  it('deletes objects only after "permanently delete" is typed', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const submit = page.locator('[data-test="delete-submit"]');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel(/To confirm deletion, type/).fill('delete');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel(/To confirm deletion, type/).fill('permanently delete');
    await shoot('07-delete-confirm');
    await submit.click();
    await page.getByText('No objects.').waitFor();
    expect(await page.locator('[data-test="flash"]').first().textContent()).toContain('Successfully deleted 1 object.');
    await page.getByRole('tab', { name: 'Properties' }).click();
    expect(await page.locator('[data-test="detail-Amazon Resource Name (ARN)"]').textContent()).toBe('arn:aws:s3:::e2e-first-bucket');
    await lab.waitFor('region', async () => ((await page.locator('[data-test="detail-AWS Region"]').textContent()) === 'us-east-1' ? true : undefined));
    await page.getByRole('tab', { name: 'Permissions' }).click();
    await page.locator('[data-test="no-policy"], [data-test="policy-unavailable"], [data-test="bucket-policy"]').first().waitFor();
    await shoot('08-bucket-permissions');
  });

  it("turns versioning on and adds §8.4's glacier lifecycle rule from the Management tab", async () => {
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.locator('[data-test="enable-versioning"]').click();
    await lab.waitFor('versioning', async () => ((await page.locator('[data-test="detail-Bucket versioning"]').textContent()) === 'Enabled' ? true : undefined));
    await page.getByRole('tab', { name: 'Management' }).click();
    await page.locator('[data-test="add-lifecycle-rule"]').click();
    await page.getByLabel('Rule name').fill('glacier');
    await page.locator('[data-test="save-lifecycle-rule"]').click();
    const rule = page.locator('[data-test="lifecycle-rule"]').first();
    await rule.waitFor();
    expect(await rule.textContent()).toContain('GLACIER after 0 days');
    await shoot('09-lifecycle-rule');
  });
});

