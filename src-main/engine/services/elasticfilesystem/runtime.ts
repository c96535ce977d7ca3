/** The open lab's store and clock, for the parts guests use outside any API call (DNS, NFS, metrics). */
import type { Clock } from '../../clock/clock';
import type { ServiceStart } from '../../core/provider';
import type { Store } from '../../store/store';

interface Runtime {
  store: Store;
  clock: Clock;
}

let rt: Runtime | undefined;

export function startEfs(engine: ServiceStart): void {
  rt = { store: engine.store, clock: engine.clock };
}

/** undefined once the lab's database closed (a test's engine, or the lab shutting down). */
export const runtime = (): Runtime | undefined => (rt?.store.db.open ? rt : undefined);
