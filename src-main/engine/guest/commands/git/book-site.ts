/**
 * The book's files where the book says they are on the internet — the public bucket
 * (https://s3.amazonaws.com/awsinaction-code2/..., https://awsinaction-code2.s3.amazonaws.com/...)
 * and GitHub's raw files (https://raw.githubusercontent.com/AWSinAction/code2/master/...) — answered
 * from the imported copy (BookCodeSource), for the guests' offline internet. Without an import, the
 * answer says how to import. The composition root resolves BOOK_HOSTS and asks bookCodeSite first.
 */
import type { HttpRequestIn, HttpResponseOut } from '../../types';
import type { BookCodeSource } from './git';

/** Addresses in the real services' ranges, so a route to the internet is what reaching them takes. */
export const BOOK_HOSTS: Record<string, string> = {
  's3.amazonaws.com': '52.216.0.10',
  'awsinaction-code2.s3.amazonaws.com': '52.216.0.11',
  'raw.githubusercontent.com': '185.199.108.133',
  'github.com': '140.82.112.3',
};

const HOW_TO_IMPORT =
  "The book's code (AWSinAction/code2) has not been imported into this lab yet.\nDownload the repository once on your computer (a folder or GitHub's zip) and run:\n  ./bin/nimbus import-book-code PATH\n";

/** The path inside the repository a request names, when it is one of the book's URLs. */
export function bookFileOf(host: string, path: string): string | undefined {
  const p = decodeURIComponent(path.split('?')[0]!);
  let m: RegExpExecArray | null;
  if (host === 's3.amazonaws.com' && (m = /^\/awsinaction-code2\/(.+)$/.exec(p))) return m[1];
  if (host === 'awsinaction-code2.s3.amazonaws.com' && (m = /^\/(.+)$/.exec(p))) return m[1];
  if (host === 'raw.githubusercontent.com' && (m = /^\/AWSinAction\/code2\/[^/]+\/(.+)$/.exec(p))) return m[1];
  if (host === 'github.com' && (m = /^\/AWSinAction\/code2\/raw\/[^/]+\/(.+)$/.exec(p))) return m[1];
  return undefined;
}

const typeOf = (file: string): string =>
  /\.ya?ml$/.test(file) ? 'application/x-yaml' : /\.json$/.test(file) ? 'application/json' : /\.html?$/.test(file) ? 'text/html' : /\.zip$/.test(file) ? 'application/zip' : 'text/plain';

function s3Error(code: string, message: string, key: string): HttpResponseOut {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Key>${key}</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>`;
  return { status: 404, statusText: 'Not Found', headers: { 'content-type': 'application/xml', server: 'AmazonS3' }, body };
}

/** The response for one of the book's URLs, or undefined when the request is for something else. */
export function bookCodeSite(source: BookCodeSource | undefined, req: HttpRequestIn): HttpResponseOut | undefined {
  const host = req.host.toLowerCase();
  const file = bookFileOf(host, req.path);
  if (file === undefined) return undefined;
  const s3 = host.endsWith('amazonaws.com');
  const files = source?.files();
  if (!files || files.size === 0) {
    return { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: HOW_TO_IMPORT };
  }
  const data = files.get(file);
  if (!data) return s3 ? s3Error('NoSuchKey', 'The specified key does not exist.', file) : { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '404: Not Found' };
  // Bodies are text in the lab's HTTP model; the book's files are text (zips keep their bytes as latin1).
  const body = Buffer.from(data).toString(/\.zip$/.test(file) ? 'latin1' : 'utf8');
  const headers: Record<string, string> = { 'content-type': typeOf(file), 'content-length': String(data.byteLength) };
  if (s3) Object.assign(headers, { server: 'AmazonS3', 'x-amz-request-id': '4442587FB7D0A2F9', etag: `"${data.byteLength.toString(16)}"` });
  return { status: 200, statusText: 'OK', headers, body: req.method === 'HEAD' ? '' : body };
}
