/**
 * S3's place in the guests' network: website endpoint names resolve to an address in Amazon's
 * public range (one per region), reached over the internet route; requests there are answered with
 * website semantics (website.ts).
 */
import type { ServiceNetwork } from '../../core/data-planes';
import type { Clock } from '../../clock/clock';
import type { Store } from '../../store/store';
import { serveWebsite, websiteHost } from './website';

let store: Store | undefined;
let clock: Clock | undefined;
export const useStore = (s: Store, c: Clock): void => {
  store = s;
  clock = c;
};

/** 52.218.N.100, N from the region's name: stable, and inside AWS's S3 ranges. */
function regionAddress(region: string): string {
  let h = 0;
  for (const c of region) h = (h * 31 + c.charCodeAt(0)) % 250;
  return `52.218.${h + 1}.100`;
}
const ADDRESS = /^52\.218\.\d{1,3}\.100$/;

export const s3Network: ServiceNetwork = {
  resolve(name) {
    const w = websiteHost(name);
    return w ? regionAddress(w.region) : undefined;
  },
  at: () => undefined,
  internetHttp(address) {
    if (!ADDRESS.test(address) || !store) return undefined;
    const s = store;
    const c = clock;
    return async (req) => s.read(() => serveWebsite(s, { ...req, now: c?.now() ?? 0 }));
  },
};
