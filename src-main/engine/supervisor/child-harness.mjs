// The child side of the supervisor (plain JavaScript: Node runs it as it is, in its own process).
// A program calls runEngine({ open, connection, rpc, close }); the harness answers the supervisor's
// messages, serves a loopback port whose connections start with a PROXY v1 line (the real client's
// address), reports its memory, and closes the engine's files before exiting (on stop, or when the
// lab's process goes away).
import { createServer } from 'node:net';

/**
 * @param {{
 *   open(dataDir: string, config: Record<string, unknown>): Promise<void>,
 *   connection(socket: import('node:net').Socket, source: { sourceIp: string, sourcePort: number }): void,
 *   rpc?: Record<string, (args: any) => unknown>,
 *   close?(): Promise<void>,
 * }} engine
 */
export function runEngine(engine) {
  let server;
  let closing = false;
  const sockets = new Set();
  const send = (msg) => {
    if (process.connected) process.send(msg);
  };

  async function shutdown(code) {
    if (closing) return;
    closing = true;
    for (const s of sockets) s.destroy();
    try {
      server?.close();
      await engine.close?.();
    } catch (err) {
      process.stderr.write(`close failed: ${err?.stack ?? err}\n`);
      code = 1;
    }
    send({ type: 'stopped' });
    process.exit(code);
  }

  function accept(socket) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n');
      if (end < 0) {
        if (head.length > 108) socket.destroy();
        return;
      }
      socket.off('data', onData);
      const parts = head.subarray(0, end).toString('latin1').split(' ');
      const rest = head.subarray(end + 2);
      const source = parts[0] === 'PROXY' ? { sourceIp: parts[2] ?? '127.0.0.1', sourcePort: Number(parts[4] ?? 0) } : { sourceIp: '127.0.0.1', sourcePort: 0 };
      socket.pause();
      if (rest.length) socket.unshift(rest);
      try {
        engine.connection(socket, source);
      } catch (err) {
        process.stderr.write(`connection failed: ${err?.stack ?? err}\n`);
        socket.destroy();
      }
      socket.resume();
    };
    socket.on('data', onData);
  }

  process.on('message', async (msg) => {
    if (msg.type === 'open') {
      try {
        await engine.open(msg.dataDir, msg.config);
        server = createServer(accept);
        server.listen(0, '127.0.0.1', () => send({ type: 'ready', port: server.address().port }));
        const stats = () => send({ type: 'stats', rss: process.memoryUsage.rss() });
        stats();
        setInterval(stats, 2000).unref();
      } catch (err) {
        send({ type: 'failed', message: String(err?.message ?? err) });
        process.stderr.write(`${err?.stack ?? err}\n`);
        setTimeout(() => process.exit(1), 50);
      }
    } else if (msg.type === 'rpc') {
      const fn = engine.rpc?.[msg.method];
      try {
        if (!fn) throw new Error(`no such call ${msg.method}`);
        send({ type: 'rpc-reply', id: msg.id, result: (await fn(msg.args)) ?? null });
      } catch (err) {
        send({ type: 'rpc-reply', id: msg.id, error: String(err?.message ?? err) });
      }
    } else if (msg.type === 'stop') {
      await shutdown(0);
    }
  });
  // The lab's process went away (killed, crashed): close the files cleanly and go too.
  process.on('disconnect', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}
