import { describe, expect, it } from 'vitest';
import { renderHtml } from './ssr';
import SecurityGroupRuleEditor from '../../../src-renderer/components/SecurityGroupRuleEditor.vue';
import {
  diffRules,
  fromIpPermissions,
  newRule,
  ruleProblem,
  toIpPermission,
  useRuleRows,
  withType,
  type RuleRow,
} from '../../../src-renderer/composables/useRuleEditor';

const rule = (over: Partial<RuleRow>): RuleRow => ({ ...newRule('ssh'), ...over });

describe('rule rows → IpPermissions', () => {
  it('turns SSH from anywhere into one tcp/22 permission with an IP range', () => {
    expect(toIpPermission(newRule('ssh'))).toEqual({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    });
  });

  it('keeps a description, reads port ranges and points at groups by id', () => {
    expect(toIpPermission(rule({ type: 'custom-tcp', portRange: '8000-8080', source: '203.0.113.10/32', description: 'My IP' }))).toEqual({
      IpProtocol: 'tcp',
      FromPort: 8000,
      ToPort: 8080,
      IpRanges: [{ CidrIp: '203.0.113.10/32', Description: 'My IP' }],
    });
    expect(toIpPermission(rule({ source: 'sg-0123456789abcdef0' }))).toEqual({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0' }],
    });
  });

  it('sends no ports for all traffic and -1 for all ICMP', () => {
    expect(toIpPermission(newRule('all-traffic'))).toEqual({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
    expect(toIpPermission(newRule('all-icmp'))).toEqual({ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
  });
});

describe('IpPermissions → rule rows', () => {
  it('splits a permission into one row per source and names known ports', () => {
    const rows = fromIpPermissions([
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '0.0.0.0/0' }, { CidrIp: '203.0.113.10/32', Description: 'home' }],
        UserIdGroupPairs: [{ GroupId: 'sg-1' }],
      },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8081, IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
      { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ]);
    expect(rows).toEqual([
      { type: 'ssh', protocol: 'tcp', portRange: '22', source: '0.0.0.0/0', description: '' },
      { type: 'ssh', protocol: 'tcp', portRange: '22', source: '203.0.113.10/32', description: 'home' },
      { type: 'ssh', protocol: 'tcp', portRange: '22', source: 'sg-1', description: '' },
      { type: 'custom-tcp', protocol: 'tcp', portRange: '8080-8081', source: '10.0.0.0/16', description: '' },
      { type: 'all-traffic', protocol: '-1', portRange: '', source: '0.0.0.0/0', description: '' },
    ]);
  });
});

describe('editing', () => {
  it('resets protocol and port when the type changes, keeping a typed port for custom types', () => {
    expect(withType(newRule('ssh'), 'http')).toEqual({ type: 'http', protocol: 'tcp', portRange: '80', source: '0.0.0.0/0', description: '' });
    expect(withType(rule({ type: 'custom-tcp', portRange: '9000' }), 'custom-udp')).toEqual({
      type: 'custom-udp',
      protocol: 'udp',
      portRange: '9000',
      source: '0.0.0.0/0',
      description: '',
    });
  });

  it('names what is wrong with a row', () => {
    expect(ruleProblem(newRule('ssh'))).toBeUndefined();
    expect(ruleProblem(rule({ type: 'custom-tcp', portRange: '' }))).toBe('Enter a port (22) or a port range (8000-8080).');
    expect(ruleProblem(rule({ type: 'custom-tcp', portRange: '90-80' }))).toBe('Ports are between 0 and 65535, the first no larger than the second.');
    expect(ruleProblem(rule({ source: '10.0.0.0/33' }))).toBe('Enter a CIDR block (0.0.0.0/0, 203.0.113.10/32) or a security group ID.');
    expect(ruleProblem(rule({ source: '300.0.0.1/32' }))).toBe('Enter a CIDR block (0.0.0.0/0, 203.0.113.10/32) or a security group ID.');
  });

  it('diffs edited rows against the group: revoke what went, authorize what came, ignore descriptions', () => {
    const before = [newRule('ssh'), newRule('http')];
    const after = [rule({ description: 'renamed' }), newRule('https')];
    expect(diffRules(before, after)).toEqual({ revoke: [newRule('http')], authorize: [newRule('https')] });
  });

  it('adds, removes and retypes rows', () => {
    const rows = useRuleRows([newRule('ssh')]);
    rows.add(newRule('http'));
    rows.setType(0, 'rdp');
    rows.remove(1);
    expect(rows.rows.value).toEqual([{ type: 'rdp', protocol: 'tcp', portRange: '3389', source: '0.0.0.0/0', description: '' }]);
  });
});

describe('SecurityGroupRuleEditor', () => {
  it('renders a row per rule with Source for inbound rules and warns about 0.0.0.0/0', async () => {
    const html = await renderHtml(SecurityGroupRuleEditor, {
      modelValue: [newRule('ssh'), rule({ source: '203.0.113.10/32' })],
      myIp: '203.0.113.10',
      direction: 'inbound',
    });
    expect(html.match(/data-test="rule-row"/g)).toHaveLength(2);
    expect(html).toContain('<th>Source</th>');
    expect(html).toContain('Rules with source 0.0.0.0/0 let every address on the internet reach the port.');
  });

  it('says Destination for outbound rules and has no warning without 0.0.0.0/0', async () => {
    const html = await renderHtml(SecurityGroupRuleEditor, {
      modelValue: [rule({ type: 'all-traffic', protocol: '-1', portRange: '', source: '10.0.0.0/16' })],
      myIp: '203.0.113.10',
      direction: 'outbound',
    });
    expect(html).toContain('<th>Destination</th>');
    expect(html).not.toContain('Rules with source 0.0.0.0/0');
  });
});
