/**
 * Validation shared by CreateNetworkAclEntry and ReplaceNetworkAclEntry: rule numbers 1-32766,
 * allow/deny, a protocol by name or number (stored as the number, as AWS shows it), a port range
 * for TCP/UDP, a type/code for ICMP, and an IPv4 block.
 */
import { parseCidr } from '../../network/cidr';
import {
  aclEntryNeedsIcmp,
  aclEntryNeedsPortRange,
  invalidCidrBlock,
  invalidParameterValue,
  invalidRuleAction,
  invalidRuleNumber,
  missingParameter,
  unsupportedOperation,
} from './errors';
import type { AclEntryRow } from './state/network-acls';

export interface AclEntryInput {
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  Egress: boolean;
  IcmpTypeCode?: { Code?: number; Type?: number };
  NetworkAclId: string;
  PortRange?: { From?: number; To?: number };
  Protocol: string;
  RuleAction: string;
  RuleNumber: number;
}

const NAMES: Record<string, string> = { all: '-1', tcp: '6', udp: '17', icmp: '1', icmpv6: '58' };

export function checkAclEntry(input: AclEntryInput): AclEntryRow {
  if (!Number.isInteger(input.RuleNumber) || input.RuleNumber < 1 || input.RuleNumber > 32766) throw invalidRuleNumber(input.RuleNumber);
  const action = input.RuleAction.toLowerCase();
  if (action !== 'allow' && action !== 'deny') throw invalidRuleAction(input.RuleAction);
  const protocol = NAMES[input.Protocol.toLowerCase()] ?? input.Protocol;
  if (protocol !== '-1' && !(/^\d{1,3}$/.test(protocol) && Number(protocol) <= 255))
    throw invalidParameterValue(`Invalid value '${input.Protocol}' for protocol.`);
  if (input.Ipv6CidrBlock !== undefined) throw unsupportedOperation('IPv6 network ACL entries are not simulated in Nimbus Lab.');
  if (input.CidrBlock === undefined) throw missingParameter('cidrBlock');
  const cidr = parseCidr(input.CidrBlock);
  if (!cidr) throw invalidCidrBlock('cidrBlock', input.CidrBlock);
  const row: AclEntryRow = {
    acl_id: input.NetworkAclId,
    egress: input.Egress ? 1 : 0,
    rule_number: input.RuleNumber,
    protocol: String(protocol === '-1' ? '-1' : Number(protocol)),
    rule_action: action,
    cidr_block: cidr.text,
    ipv6_cidr_block: null,
    icmp_type: null,
    icmp_code: null,
    port_from: null,
    port_to: null,
  };
  if (row.protocol === '6' || row.protocol === '17') {
    const from = input.PortRange?.From;
    const to = input.PortRange?.To;
    if (from === undefined || to === undefined) throw aclEntryNeedsPortRange(row.protocol === '6' ? 'tcp' : 'udp');
    if (from < 0 || to > 65535 || from > to) throw invalidParameterValue(`Invalid port range: ${from}-${to}`);
    row.port_from = from;
    row.port_to = to;
  } else if (row.protocol === '1') {
    if (input.IcmpTypeCode?.Type === undefined) throw aclEntryNeedsIcmp();
    row.icmp_type = input.IcmpTypeCode.Type;
    row.icmp_code = input.IcmpTypeCode.Code ?? -1;
  }
  return row;
}
