/** The lab's regions and their availability zones (resources/regions.json), loaded once. */
import { loadRegions, type AvailabilityZone, type Region, type RegionCatalog } from '../../core/regions';
import { findResourcesDir } from '../../models/paths';

let catalog: RegionCatalog | undefined;

export function regionCatalog(): RegionCatalog {
  catalog ??= loadRegions(findResourcesDir());
  return catalog;
}

export function regionOf(name: string): Region | undefined {
  return regionCatalog().get(name);
}

/** The zones of a region in AWS's order (a, b, c...). */
export function zonesOf(region: string): AvailabilityZone[] {
  return regionOf(region)?.zones ?? [];
}
