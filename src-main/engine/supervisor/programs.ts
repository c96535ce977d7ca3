/**
 * Where a child program's file is. Children are plain `.mjs` files run by Node as they are (no
 * bundler, no TypeScript loader), so the lab finds them next to its resources/ folder, whether it
 * runs from the sources, the `nimbus` bundle or the packaged app.
 */
import { join } from 'node:path';
import { findResourcesDir } from '../models/paths';

/** `programPath('services/rds/engines/postgres.mjs')`: a path under src-main/engine/. */
export function programPath(relative: string): string {
  return join(findResourcesDir(), '..', 'src-main', 'engine', relative);
}
