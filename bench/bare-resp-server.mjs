// The ceiling of any Node.js server on this machine: answers every command with +OK, parsing nothing.
import { createServer } from 'node:net';

const OK = Buffer.from('+OK\r\n');
const server = createServer((c) => {
  c.setNoDelay(true);
  c.on('data', (d) => {
    let n = 0;
    for (let i = 0; i < d.length; i++) if (d[i] === 0x2a && (i === 0 || d[i - 1] === 0x0a)) n++;
    c.write(n <= 1 ? OK : Buffer.from('+OK\r\n'.repeat(n)));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
