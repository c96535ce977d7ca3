/** AWS::EC2::LaunchTemplate: Ref is the template id; an update of its data adds a version that becomes the default. */
import { ec2Create, tagSpec } from './common';
import { generatedName, ignoreNotFound, str, type Json, type JsonObject, type ResourceCtx, type ResourceProvider } from '../../../core/resource-provider';

const NUMBERS = new Set(['VolumeSize', 'Iops', 'Throughput', 'DeviceIndex', 'HttpPutResponseHopLimit', 'SecondaryPrivateIpAddressCount', 'Ipv6AddressCount', 'CoreCount', 'ThreadsPerCore', 'PartitionNumber']);
const BOOLEANS = new Set(['Enabled', 'DeleteOnTermination', 'Encrypted', 'AssociatePublicIpAddress', 'EbsOptimized', 'DisableApiTermination', 'DisableApiStop', 'Configured', 'AssociateCarrierIpAddress']);

/** Template values arrive as strings as often as not; the API wants numbers and booleans where its model says so. */
function typed(v: Json, key = ''): Json {
  if (Array.isArray(v)) return v.map((x) => typed(x));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typed(x, k)]));
  if (typeof v === 'string' && NUMBERS.has(key) && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (typeof v === 'string' && BOOLEANS.has(key)) return v === 'true';
  return v;
}

const dataOf = (props: JsonObject) => typed((props.LaunchTemplateData ?? {}) as Json) as JsonObject;

async function versions(rc: ResourceCtx, id: string): Promise<Record<string, Json>> {
  const out = await rc.call('ec2', 'DescribeLaunchTemplates', { LaunchTemplateIds: [id] });
  const t = out.LaunchTemplates?.[0] as { DefaultVersionNumber?: number; LatestVersionNumber?: number } | undefined;
  return { LaunchTemplateId: id, DefaultVersionNumber: String(t?.DefaultVersionNumber ?? 1), LatestVersionNumber: String(t?.LatestVersionNumber ?? 1) };
}

const launchTemplate: ResourceProvider = {
  async create(rc, props) {
    const out = await ec2Create(rc, 'CreateLaunchTemplate', {
      LaunchTemplateName: str(props.LaunchTemplateName) ?? generatedName(rc, 128),
      VersionDescription: str(props.VersionDescription),
      LaunchTemplateData: dataOf(props),
      TagSpecifications: tagSpec(rc, 'launch-template', props),
    });
    const id = String(out.LaunchTemplate.LaunchTemplateId);
    return { physicalId: id, attributes: await versions(rc, id) };
  },
  async update(rc, id, props, old) {
    if (JSON.stringify(props.LaunchTemplateData ?? {}) !== JSON.stringify(old.LaunchTemplateData ?? {})) {
      const out = await rc.call('ec2', 'CreateLaunchTemplateVersion', { LaunchTemplateId: id, VersionDescription: str(props.VersionDescription), LaunchTemplateData: dataOf(props) });
      await rc.call('ec2', 'ModifyLaunchTemplate', { LaunchTemplateId: id, DefaultVersion: String(out.LaunchTemplateVersion.VersionNumber) });
    }
    return { attributes: await versions(rc, id) };
  },
  async delete(rc, id) {
    await ignoreNotFound(rc.call('ec2', 'DeleteLaunchTemplate', { LaunchTemplateId: id }));
  },
};

export const ec2LaunchTemplateProviders: Record<string, ResourceProvider> = {
  'AWS::EC2::LaunchTemplate': launchTemplate,
};
