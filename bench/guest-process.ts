/** Runs the guest benchmark alone in this process, so its memory figure counts only the lab and its guests. */
import { benchGuest } from './guest';

benchGuest()
  .then((r) => process.stdout.write(JSON.stringify(r)))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
