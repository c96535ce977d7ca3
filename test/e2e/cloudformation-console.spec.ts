/**
 * The CloudFormation console end to end (§4.4): paste a small template into Create stack, see its
 * parameters as the right widgets (AllowedValues as a select, NoEcho as a password field), get
 * CloudFormation's InsufficientCapabilities for an IAM role until the capability is acknowledged,
 * watch the stack reach CREATE_COMPLETE on its events tab, read its outputs and resources, and delete
 * it after confirming. The lab runs at warp 60 so the stack completes in a moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eLab, type E2eLab } from './harness';

let lab: E2eLab;
let page: Page;

beforeAll(async () => {
  lab = await startE2eLab({ warp: 60 });
  page = lab.page;
});
afterAll(async () => lab?.close());

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: A topic and a role for the console test
Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, prod]
    Default: dev
  Secret:
    Type: String
    NoEcho: true
Resources:
  Topic:
    Type: AWS::SNS::Topic
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
Outputs:
  Greeting:
    Value: !Sub 'hello-\${Stage}'
    Description: says which stage
`;

const status = () => page.locator('.status-line [data-test="stack-status"]').getAttribute('data-status');

describe('CloudFormation console', () => {
  it('shows an empty stacks list without the old placeholder', async () => {
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/cloudformation');
    await page.getByRole('heading', { name: /Stacks/ }).waitFor();
    await page.getByText('No stacks to display').waitFor();
    expect(await page.content()).not.toContain("can't be run in the lab yet");
  });

  it('creates a stack from pasted text, asking for the IAM capability first', async () => {
    await page.locator('[data-test="create-stack"]').click();
    await page.getByLabel('Template text', { exact: true }).fill(TEMPLATE);
    await page.locator('[data-test="template-next"]').click();
    await page.getByLabel('Stack name').fill('console-stack');
    expect(await page.locator('#param-Stage').evaluate((e) => e.tagName)).toBe('SELECT');
    expect(await page.locator('#param-Secret').getAttribute('type')).toBe('password');
    await page.locator('#param-Stage').selectOption('prod');
    await page.locator('#param-Secret').fill('s3cret');
    await page.locator('[data-test="capabilities"]').waitFor();
    await lab.shoot('cfn-01-parameters');

    await page.locator('[data-test="create-stack-submit"]').click();
    const flash = page.locator('[data-test="flash"]').filter({ hasText: 'Could not create stack' });
    await flash.waitFor();
    expect(await flash.locator('[data-test="flash-code"]').textContent()).toBe('InsufficientCapabilitiesException');
    expect(await flash.locator('[data-test="flash-message"]').textContent()).toBe('Requires capabilities : [CAPABILITY_IAM]');

    await page.locator('[data-test="acknowledge-iam"]').check();
    await page.locator('[data-test="create-stack-submit"]').click();
    await page.locator('[data-test="events-table"]').waitFor();
    await lab.waitFor('CREATE_COMPLETE', async () => ((await status()) === 'CREATE_COMPLETE' ? true : undefined), 30_000);
    const stackEvent = page.locator('[data-test="event-row"]').filter({ hasText: 'console-stack' }).filter({ hasText: 'CREATE_COMPLETE' });
    await stackEvent.first().waitFor();
    await lab.shoot('cfn-02-events');
  });

  it('shows outputs, resources, parameters and the template', async () => {
    await page.locator('[data-test="tab-outputs"]').click();
    const output = page.locator('[data-test="output-row"]');
    await output.first().waitFor();
    expect(await output.first().textContent()).toContain('hello-prod');
    expect(await output.first().textContent()).toContain('says which stage');

    await page.locator('[data-test="tab-resources"]').click();
    const rows = page.locator('[data-test="resource-row"]');
    await rows.nth(1).waitFor();
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain('AWS::SNS::Topic');
    expect(text).toContain('AWS::IAM::Role');

    await page.locator('[data-test="tab-parameters"]').click();
    const params = await page.locator('[data-test="parameters-table"]').textContent();
    expect(params).toContain('prod');
    expect(params).toContain('****');
    expect(params).not.toContain('s3cret');

    await page.locator('[data-test="tab-template"]').click();
    await page.locator('[data-test="template-body"]').filter({ hasText: 'AWS::SNS::Topic' }).waitFor();
    await lab.shoot('cfn-03-template');
  });

  it('deletes the stack after confirmation', async () => {
    await page.locator('[data-test="delete-stack"]').click();
    await page.locator('[data-test="delete-stack-confirm"]').click();
    await lab.waitFor('DELETE_COMPLETE', async () => ((await status()) === 'DELETE_COMPLETE' ? true : undefined), 30_000);
    await page.goto(lab.consoleUrl.replace(/#.*$/, '') + '#/cloudformation');
    await page.getByText('No stacks to display').waitFor();
    await page.locator('[data-test="status-filter"]').selectOption('Deleted');
    await page.locator('[data-test="stack-row"]').filter({ hasText: 'console-stack' }).waitFor();
    await lab.shoot('cfn-04-deleted');
  });
});
