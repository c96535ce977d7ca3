/** The commercial regions and their availability zones, from resources/regions.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AvailabilityZone {
  zoneName: string; // us-east-1a
  zoneId: string; // use1-az1
}

export interface Region {
  name: string;
  label: string;
  optIn: boolean;
  zones: AvailabilityZone[];
}

export interface RegionCatalog {
  all: Region[];
  get(name: string): Region | undefined;
  has(name: string): boolean;
}

export function loadRegions(resourcesDir: string): RegionCatalog {
  const raw = JSON.parse(readFileSync(join(resourcesDir, 'regions.json'), 'utf8')) as {
    regions: { name: string; label: string; zoneIdPrefix: string; zones: string[]; optIn: boolean }[];
  };
  const all: Region[] = raw.regions.map((r) => ({
    name: r.name,
    label: r.label,
    optIn: r.optIn,
    zones: r.zones.map((z, i) => ({ zoneName: `${r.name}${z}`, zoneId: `${r.zoneIdPrefix}-az${i + 1}` })),
  }));
  const byName = new Map(all.map((r) => [r.name, r]));
  return { all, get: (n) => byName.get(n), has: (n) => byName.has(n) };
}
