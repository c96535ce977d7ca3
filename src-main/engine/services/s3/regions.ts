/** Which region names a LocationConstraint may name: the lab's region catalog, loaded once. */
import { loadRegions, type RegionCatalog } from '../../core/regions';
import { findResourcesDir } from '../../models/paths';

let catalog: RegionCatalog | undefined;

export function isKnownRegion(name: string): boolean {
  catalog ??= loadRegions(findResourcesDir());
  return catalog.has(name);
}
