/** "US East (N. Virginia)" for us-east-1: alarm notifications name the region by its label. */
import { loadRegions, type RegionCatalog } from '../../core/regions';
import { findResourcesDir } from '../../models/paths';

let catalog: RegionCatalog | undefined;

export function regionLabel(region: string): string {
  try {
    catalog ??= loadRegions(findResourcesDir());
    return catalog.get(region)?.label ?? region;
  } catch {
    return region;
  }
}
