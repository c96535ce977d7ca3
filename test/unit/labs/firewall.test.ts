/** The API-level firewall reading used when no network model is injected. */
import { describe, expect, it } from 'vitest';
import { analyzeGroups, cidrContains, permissionCovers } from '../../../src-main/engine/labs/firewall';

const group = (perms: Record<string, unknown>[]) => ({ GroupId: 'sg-1', GroupName: 'ssh-only', IpPermissions: perms });

describe('firewall analysis', () => {
  it('matches CIDRs', () => {
    expect(cidrContains('0.0.0.0/0', '203.0.113.10')).toBe(true);
    expect(cidrContains('203.0.113.10/32', '203.0.113.10')).toBe(true);
    expect(cidrContains('203.0.113.0/24', '203.0.114.10')).toBe(false);
    expect(cidrContains('10.0.0.0/8', '203.0.113.10')).toBe(false);
  });

  it('knows which permissions cover a port or ping', () => {
    expect(permissionCovers({ IpProtocol: 'tcp', FromPort: 20, ToPort: 23 }, 'tcp', 22)).toBe(true);
    expect(permissionCovers({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80 }, 'tcp', 22)).toBe(false);
    expect(permissionCovers({ IpProtocol: '-1' }, 'tcp', 22)).toBe(true);
    expect(permissionCovers({ IpProtocol: 'icmp', FromPort: -1, ToPort: -1 }, 'icmp')).toBe(true);
    expect(permissionCovers({ IpProtocol: 'udp', FromPort: 22, ToPort: 22 }, 'tcp', 22)).toBe(false);
  });

  it('says where a port is open from when it is not open to the address', () => {
    const g = group([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }], UserIdGroupPairs: [{ GroupId: 'sg-bastion' }] },
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    ]);
    expect(analyzeGroups([g], 'tcp', 22, '203.0.113.10')).toEqual({ allowed: false, sources: ['10.0.0.0/8', 'the security group sg-bastion'] });
    expect(analyzeGroups([g], 'tcp', 80, '203.0.113.10')).toEqual({ allowed: true, sources: ['0.0.0.0/0'] });
    expect(analyzeGroups([g], 'icmp', undefined, '203.0.113.10')).toEqual({ allowed: false, sources: [] });
  });
});
