// The ceiling for the S3 benchmark: stores PUT bodies in a Map and returns them on GET, nothing else.
import { createServer } from 'node:http';

const objects = new Map();
const server = createServer({ keepAlive: true }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'PUT') {
      objects.set(req.url.split('?')[0], Buffer.concat(chunks));
      res.writeHead(200, { etag: '"0"', 'content-length': 0 });
      res.end();
    } else if (req.method === 'GET') {
      const body = objects.get(req.url.split('?')[0]);
      if (!body) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end('<Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
      } else {
        res.writeHead(200, { 'content-length': body.length, 'content-type': 'binary/octet-stream', etag: '"0"' });
        res.end(body);
      }
    } else {
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
