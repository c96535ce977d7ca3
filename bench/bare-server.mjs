// The ceiling for the S3 benchmark: stores PUT bodies in a Map and returns them on GET, nothing else.
// It answers with the headers S3 itself sends (ETag, Last-Modified, request ids, ...), so the SDK
// client does the same parsing work against it as against any S3: only the server's own cost differs.
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';

const objects = new Map();
const requestIds = () => ({
  'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
  'x-amz-id-2': randomBytes(48).toString('base64'),
});
const server = createServer({ keepAlive: true }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const key = req.url.split('?')[0];
    if (req.method === 'PUT') {
      const body = Buffer.concat(chunks);
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      objects.set(key, { body, etag, lastModified: new Date().toUTCString(), type: req.headers['content-type'] ?? 'binary/octet-stream' });
      res.writeHead(200, { etag, 'content-length': 0, ...requestIds() });
      res.end();
    } else if (req.method === 'GET') {
      const o = objects.get(key);
      if (!o) {
        res.writeHead(404, { 'content-type': 'application/xml', ...requestIds() });
        res.end('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
      } else {
        res.writeHead(200, {
          'content-length': o.body.length,
          'content-type': o.type,
          etag: o.etag,
          'last-modified': o.lastModified,
          'accept-ranges': 'bytes',
          ...requestIds(),
        });
        res.end(o.body);
      }
    } else {
      res.writeHead(200, { 'content-length': 0, ...requestIds() });
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
