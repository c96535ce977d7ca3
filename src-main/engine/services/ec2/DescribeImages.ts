import type { Ctx } from '../../core/provider';
import type { Ec2Input, Ec2Output } from './types';
import { checkDryRun } from './dry-run';
import { invalidAmiIdMalformed, invalidAmiIdNotFound } from './errors';
import { applyFilters, type FilterTable } from './filters';
import { isWellFormedId } from './ids';
import { paginate } from './pagination';
import { catalogImages, imageOutput, type CatalogImage } from './state/images';

const IMAGE_FILTERS: FilterTable<CatalogImage> = {
  architecture: (i) => i.architecture,
  'block-device-mapping.device-name': (i) => [i.rootDeviceName, ...(i.ephemeralMappings ?? []).map((e) => e.deviceName)],
  'block-device-mapping.snapshot-id': (i) => i.snapshotId,
  'block-device-mapping.volume-size': (i) => i.rootVolumeSize,
  'block-device-mapping.volume-type': (i) => i.volumeType,
  'block-device-mapping.delete-on-termination': () => 'true',
  'block-device-mapping.encrypted': () => 'false',
  description: (i) => i.description,
  'ena-support': (i) => String(i.enaSupport),
  hypervisor: (i) => i.hypervisor,
  'image-id': (i) => i.imageId,
  'image-type': () => 'machine',
  'is-public': () => 'true',
  'manifest-location': (i) => `${i.ownerAlias ?? i.ownerId}/${i.name}`,
  name: (i) => i.name,
  'owner-alias': (i) => i.ownerAlias,
  'owner-id': (i) => i.ownerId,
  'platform-details': (i) => i.platformDetails,
  'root-device-name': (i) => i.rootDeviceName,
  'root-device-type': () => 'ebs',
  state: () => 'available',
  'sriov-net-support': (i) => i.sriovNetSupport,
  'usage-operation': (i) => i.usageOperation,
  'virtualization-type': (i) => i.virtualizationType,
  'creation-date': (i) => i.creationDate,
};

/** Owners as AWS reads them: an account id, `self`, or an alias (`amazon`, …). */
function ownedBy(ctx: Ctx, image: CatalogImage, owners: readonly string[]): boolean {
  return owners.some((o) => o === image.ownerId || (image.ownerAlias !== undefined && o === image.ownerAlias) || (o === 'self' && ctx.accountId === image.ownerId));
}

/** The public images of the region (§4.2.4 looks one up by name filter). */
export function DescribeImages(ctx: Ctx, input: Ec2Input<'DescribeImages'>): Ec2Output<'DescribeImages'> {
  const ids = input.ImageIds ?? [];
  for (const id of ids) if (!isWellFormedId('ami', id)) throw invalidAmiIdMalformed(id);
  let images = [...catalogImages(ctx.region)];
  const missing = ids.filter((id) => !images.some((i) => i.imageId === id));
  if (missing.length) throw invalidAmiIdNotFound(missing);
  if (ids.length) images = images.filter((i) => ids.includes(i.imageId));
  if (input.Owners?.length) images = images.filter((i) => ownedBy(ctx, i, input.Owners!));
  checkDryRun(input);
  const filtered = applyFilters(images, input.Filters, { table: IMAGE_FILTERS, tags: () => [] });
  const { page, nextToken } = paginate(filtered, input, { operation: 'DescribeImages', idsParam: 'imageIds', ids });
  return { Images: page.map(imageOutput) as Ec2Output<'DescribeImages'>['Images'], NextToken: nextToken };
}
