import { describe, expect, it } from 'vitest';
import { renderToString } from '@vue/test-utils';
import StackParameterFields from '../../../src-renderer/views/cloudformation/StackParameterFields.vue';
import StackStatus from '../../../src-renderer/views/cloudformation/StackStatus.vue';
import {
  isSimulatedReason,
  matchesFilter,
  statusTone,
  type TemplateParameter,
} from '../../../src-renderer/views/cloudformation/stack-status';

/** Server-rendered HTML without scoped-style attributes. */
const strip = (html: string) => html.replace(/ data-v-[0-9a-f]+/g, '');

const PARAMETERS: TemplateParameter[] = [
  { ParameterKey: 'Stage', ParameterType: 'String', DefaultValue: 'dev', ParameterConstraints: { AllowedValues: ['dev', 'prod'] } },
  { ParameterKey: 'DbPassword', ParameterType: 'String', NoEcho: true, Description: 'The database password' },
  { ParameterKey: 'KeyName', ParameterType: 'AWS::EC2::KeyPair::KeyName' },
];

describe('StackParameterFields', () => {
  it('gives AllowedValues a select, NoEcho a password field and the rest a text field', async () => {
    const html = strip(
      await renderToString(StackParameterFields, { props: { parameters: PARAMETERS, values: { Stage: 'prod', KeyName: 'mykey' } } }),
    );
    expect(html).toContain('<label for="param-Stage" class="label">Stage</label>');
    expect(html).toMatch(/<select id="param-Stage"><!--\[--><option value="dev">\s*dev\s*<\/option><option value="prod" selected>\s*prod\s*<\/option>/);
    expect(html).toMatch(/<input id="param-DbPassword" type="password"/);
    expect(html).toContain('The database password');
    expect(html).toMatch(/<input id="param-KeyName" type="text" value="mykey" placeholder="AWS::EC2::KeyPair::KeyName"/);
  });

  it('says so when a template has no parameters', async () => {
    const html = await renderToString(StackParameterFields, { props: { parameters: [], values: {} } });
    expect(html).toContain('This template declares no parameters.');
  });
});

describe('stack statuses', () => {
  it('colours statuses as CloudFormation does', async () => {
    expect(statusTone('CREATE_COMPLETE')).toBe('good');
    expect(statusTone('UPDATE_ROLLBACK_IN_PROGRESS')).toBe('busy');
    expect(statusTone('ROLLBACK_COMPLETE')).toBe('bad');
    expect(statusTone('CREATE_FAILED')).toBe('bad');
    expect(statusTone('REVIEW_IN_PROGRESS')).toBe('busy');
    expect(strip(await renderToString(StackStatus, { props: { status: 'DELETE_FAILED' } }))).toBe(
      '<span class="status bad" data-test="stack-status" data-status="DELETE_FAILED">DELETE_FAILED</span>',
    );
  });

  it('filters the stacks list by status group', () => {
    const all = ['CREATE_COMPLETE', 'CREATE_IN_PROGRESS', 'ROLLBACK_COMPLETE', 'DELETE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'];
    const pick = (f: Parameters<typeof matchesFilter>[1]) => all.filter((s) => matchesFilter(s, f));
    expect(pick('Active')).toEqual(all.filter((s) => s !== 'DELETE_COMPLETE'));
    expect(pick('Complete')).toEqual(['CREATE_COMPLETE']);
    expect(pick('In progress')).toEqual(['CREATE_IN_PROGRESS']);
    expect(pick('Failed')).toEqual(['ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE']);
    expect(pick('Deleted')).toEqual(['DELETE_COMPLETE']);
    expect(pick('All')).toEqual(all);
  });

  it('recognises the engine\'s "simulated without behaviour" reason', () => {
    expect(isSimulatedReason('Simulated without behaviour: Nimbus Lab records this resource…')).toBe(true);
    expect(isSimulatedReason('Resource creation Initiated')).toBe(false);
    expect(isSimulatedReason(undefined)).toBe(false);
  });
});
