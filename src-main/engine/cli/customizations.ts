/**
 * The real CLI's per-operation extras that the book relies on, as argument-table edits:
 * ec2 run-instances --count and base64 user data, the security-group shortcuts (--protocol --port
 * --cidr --source-group --group-owner), s3api get-object's outfile and the sns/ec2 renames.
 */
import type { ArgTable, CliArgument } from './arg-table';
import { ParamValidationError } from './errors';
import { pyInt } from './shorthand';
import { mfaArguments } from './after-call';

type Dict = Record<string, unknown>;

function ipPermissions(params: Dict, key: string, value: unknown): void {
  const perms = ((params.IpPermissions as Dict[] | undefined) ??= [{}]) as Dict[];
  const p = perms[0]!;
  if (key === 'GroupId' || key === 'GroupName' || key === 'UserId') {
    const pairs = ((p.UserIdGroupPairs as Dict[] | undefined) ??= [{}]) as Dict[];
    pairs[0]![key] = value;
  } else p[key] = value;
}

const custom = (name: string, apply: CliArgument['apply']): CliArgument => ({ name, dest: name, nargs: 1, required: false, apply, typeName: 'string' });

function securityGroupArgs(table: ArgTable): void {
  for (const hidden of ['ip-protocol', 'from-port', 'to-port', 'cidr-ip', 'source-security-group-name', 'source-security-group-owner-id']) {
    const a = table.get(hidden);
    if (a) a.undocumented = true;
  }
  table.set(
    'protocol',
    custom('protocol', (params, value) => {
      let v = String(value);
      if (!v) return;
      if (/^-?\d+$/.test(v)) {
        const n = Number(v);
        if ((n < 0 || n > 255) && n !== -1) throw new ParamValidationError('protocol numbers must be in the range 0-255 or -1 to specify all protocols');
      } else {
        if (!['tcp', 'udp', 'icmp', 'all'].includes(v)) throw new ParamValidationError('protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.');
        if (v === 'all') v = '-1';
      }
      ipPermissions(params, 'IpProtocol', v);
    }),
  );
  table.set(
    'port',
    custom('port', (params, value) => {
      const v = String(value);
      if (!v) return;
      let from: string, to: string;
      if (v === '-1' || v === 'all') from = to = '-1';
      else if (v.includes('-')) [from, to] = [v.slice(0, v.indexOf('-')), v.slice(v.indexOf('-') + 1)];
      else from = to = v;
      try {
        ipPermissions(params, 'FromPort', pyInt(from));
        ipPermissions(params, 'ToPort', pyInt(to));
      } catch {
        throw new ParamValidationError('port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)');
      }
    }),
  );
  table.set('cidr', custom('cidr', (params, value) => {
    if (value) ipPermissions(params, 'IpRanges', [{ CidrIp: value }]);
  }));
  table.set('source-group', custom('source-group', (params, value) => {
    if (value) ipPermissions(params, String(value).startsWith('sg-') ? 'GroupId' : 'GroupName', value);
  }));
  table.set('group-owner', custom('group-owner', (params, value) => {
    if (value) ipPermissions(params, 'UserId', value);
  }));
}

function runInstancesArgs(table: ArgTable): void {
  table.delete('min-count');
  table.delete('max-count');
  table.set(
    'count',
    custom('count', (params, value) => {
      const v = String(value);
      const [min, max] = v.includes(':') ? v.split(':') : [v, v];
      try {
        params.MinCount = pyInt(min!);
        params.MaxCount = pyInt(max!);
      } catch {
        throw new ParamValidationError('count parameter should be of form min[:max] (e.g. 1 or 1:10)');
      }
    }),
  );
}

function rename(table: ArgTable, from: string, to: string): void {
  const a = table.get(from);
  if (!a) return;
  table.delete(from);
  table.set(to, { ...a, name: to });
}

/** Edits the table; returns the positional the command writes a streamed body to, if any. */
export function customizeArguments(cliService: string, cliOperation: string, table: ArgTable): void {
  if (cliService === 'ec2') {
    rename(table, 'no-egress', 'ingress');
    rename(table, 'no-disable-api-termination', 'enable-api-termination');
    if (cliOperation === 'create-image') rename(table, 'no-no-reboot', 'reboot');
    if (cliOperation === 'run-instances') runInstancesArgs(table);
    if (/^(authorize|revoke)-security-group-(ingress|egress)$/.test(cliOperation)) securityGroupArgs(table);
  }
  if (cliService === 'sns' && cliOperation === 'subscribe') rename(table, 'endpoint', 'notification-endpoint');
  if (cliService === 'opsworks') rename(table, 'region', 'stack-region');
  if (cliService === 'iam' && cliOperation === 'create-virtual-mfa-device') mfaArguments(table);
}

/** Defaults and encodings the CLI (botocore handlers) applies before the call. */
export function beforeCall(service: string, operation: string, params: Dict): void {
  if (service === 'ec2' && operation === 'RunInstances') {
    params.MaxCount ??= 1;
    params.MinCount ??= 1;
    // botocore base64-encodes user data on the client.
    const ud = params.UserData;
    if (typeof ud === 'string') params.UserData = Buffer.from(ud, 'utf8').toString('base64');
    else if (ud instanceof Uint8Array) params.UserData = Buffer.from(ud).toString('base64');
  }
}

const LIST_OBJECTS = new Set(['ListObjects', 'ListObjectsV2', 'ListObjectVersions']);

/** botocore asks S3 for url-encoded keys in listings unless the caller chose an encoding. */
export function wantsUrlDecoding(service: string, operation: string, params: Dict): boolean {
  if (service !== 's3' || !LIST_OBJECTS.has(operation) || params.EncodingType !== undefined) return false;
  params.EncodingType = 'url';
  return true;
}

const unquote = (s: unknown): unknown => (typeof s === 'string' ? decodeURIComponent(s.replace(/\+/g, ' ')) : s);

/** Decodes what wantsUrlDecoding asked to be encoded, in the rendered response. */
export function urlDecodeListing(out: Dict): void {
  for (const k of ['Delimiter', 'Marker', 'NextMarker', 'Prefix', 'StartAfter', 'KeyMarker', 'NextKeyMarker']) if (k in out) out[k] = unquote(out[k]);
  for (const list of ['Contents', 'Versions', 'DeleteMarkers']) for (const o of (out[list] as Dict[] | undefined) ?? []) if ('Key' in o) o.Key = unquote(o.Key);
  for (const o of (out.CommonPrefixes as Dict[] | undefined) ?? []) if ('Prefix' in o) o.Prefix = unquote(o.Prefix);
}
