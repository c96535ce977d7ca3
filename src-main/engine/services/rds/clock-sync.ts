/**
 * Engines stamp writes with simulated time (point-in-time restore, replica lag), which they compute
 * from anchors the lab sends. A stream to an engine sends fresh anchors before the next bytes
 * whenever the lab's clock was stepped or warped since the engine last heard of it.
 */
import { Duplex } from 'node:stream';
import { anchors, type RdsRuntime } from './runtime';

type Anchors = ReturnType<typeof anchors>;
const synced = new WeakMap<RdsRuntime, Map<string, Anchors>>();

function moved(last: Anchors | undefined, now: Anchors): boolean {
  if (!last) return true;
  const expected = last.anchorSim + (now.anchorReal - last.anchorReal) * last.warp;
  return now.warp !== last.warp || Math.abs(expected - now.anchorSim) > 20;
}

/** Sends the clock to the engine when it moved (or always, with `force`: a new stream may meet a restarted engine). */
export async function syncClock(rt: RdsRuntime, id: string, force = false): Promise<void> {
  let m = synced.get(rt);
  if (!m) synced.set(rt, (m = new Map()));
  const now = anchors(rt);
  if (!force && !moved(m.get(id), now)) return;
  m.set(id, now);
  await rt.supervisor.request(id, 'clock', now);
}

/** The engine's socket, with the clock synced before each write from the client. */
export function clockSynced(rt: RdsRuntime, id: string, socket: Duplex): Duplex {
  const wrapper = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, done) {
      syncClock(rt, id).then(
        () => socket.write(chunk, done),
        // An engine that cannot take the clock still gets the bytes (its stamps may lag).
        () => socket.write(chunk, done),
      );
    },
    final(done) {
      socket.end();
      done();
    },
    destroy(err, done) {
      socket.destroy();
      done(err);
    },
  });
  socket.on('data', (d: Buffer) => {
    if (!wrapper.push(d)) socket.pause();
  });
  socket.on('end', () => wrapper.push(null));
  socket.on('close', () => wrapper.destroy());
  socket.on('error', (e) => wrapper.destroy(e));
  return wrapper;
}
