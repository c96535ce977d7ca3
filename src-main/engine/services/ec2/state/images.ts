/**
 * Public AMIs from the catalog (resources/ec2/images.json), resolved per region. The catalog is
 * read-only: every account sees the same images, owned by Amazon or Canonical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir } from '../../../models/paths';

export interface CatalogImage {
  imageId: string;
  /** The EBS snapshot behind the root device. */
  snapshotId: string;
  name: string;
  description: string;
  ownerId: string;
  ownerAlias?: string;
  creationDate: string;
  architecture: string;
  rootDeviceName: string;
  rootVolumeSize: number;
  volumeType: string;
  virtualizationType: string;
  hypervisor: string;
  enaSupport: boolean;
  sriovNetSupport: string;
  platformDetails: string;
  usageOperation: string;
  bootMode?: string;
  imdsSupport?: string;
  ephemeralMappings?: { deviceName: string; virtualName: string }[];
  os: { id: string; name: string; version: string };
  /** Login user the guest creates: ec2-user (Amazon Linux) or ubuntu. */
  defaultUser: string;
  /** What the root volume's data starts as: the guest layer builds a disk for it (`image:<os>-<version>`). */
  dataId: string;
}

interface RawImage extends Omit<CatalogImage, 'imageId' | 'snapshotId' | 'dataId'> {
  regions: Record<string, { imageId: string; snapshotId: string }>;
}

const byDir = new Map<string, Map<string, CatalogImage[]>>();

function imagesByRegion(): Map<string, CatalogImage[]> {
  const dir = findResourcesDir();
  let m = byDir.get(dir);
  if (m) return m;
  const raw = JSON.parse(readFileSync(join(dir, 'ec2', 'images.json'), 'utf8')) as { images: RawImage[] };
  m = new Map();
  for (const img of raw.images) {
    const { regions, ...rest } = img;
    for (const [region, ids] of Object.entries(regions)) {
      let list = m.get(region);
      if (!list) m.set(region, (list = []));
      list.push({ ...rest, ...ids, dataId: `image:${rest.os.id}-${rest.os.version}` });
    }
  }
  byDir.set(dir, m);
  return m;
}

export const catalogImages = (region: string): readonly CatalogImage[] => imagesByRegion().get(region) ?? [];

export const findImage = (region: string, imageId: string): CatalogImage | undefined =>
  catalogImages(region).find((i) => i.imageId === imageId);

/** The snapshot ids behind public images, so snapshot lookups can tell a catalog snapshot apart. */
export const findImageBySnapshot = (region: string, snapshotId: string): CatalogImage | undefined =>
  catalogImages(region).find((i) => i.snapshotId === snapshotId);

/** The image in DescribeImages' shape. */
export function imageOutput(img: CatalogImage): Record<string, unknown> {
  return {
    Architecture: img.architecture,
    CreationDate: img.creationDate,
    ImageId: img.imageId,
    ImageLocation: `${img.ownerAlias ?? img.ownerId}/${img.name}`,
    ImageType: 'machine',
    Public: true,
    OwnerId: img.ownerId,
    PlatformDetails: img.platformDetails,
    UsageOperation: img.usageOperation,
    State: 'available',
    BlockDeviceMappings: [
      {
        DeviceName: img.rootDeviceName,
        Ebs: {
          DeleteOnTermination: true,
          SnapshotId: img.snapshotId,
          VolumeSize: img.rootVolumeSize,
          VolumeType: img.volumeType,
          Encrypted: false,
          ...(img.volumeType === 'gp3' ? { Iops: 3000, Throughput: 125 } : {}),
        },
      },
      ...(img.ephemeralMappings ?? []).map((e) => ({ DeviceName: e.deviceName, VirtualName: e.virtualName })),
    ],
    Description: img.description,
    EnaSupport: img.enaSupport,
    Hypervisor: img.hypervisor,
    ImageOwnerAlias: img.ownerAlias,
    Name: img.name,
    RootDeviceName: img.rootDeviceName,
    RootDeviceType: 'ebs',
    SriovNetSupport: img.sriovNetSupport,
    VirtualizationType: img.virtualizationType,
    BootMode: img.bootMode,
    ImdsSupport: img.imdsSupport,
  };
}
