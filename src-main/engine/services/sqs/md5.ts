/**
 * The MD5 digests SQS answers with, computed as AWS (and the SDKs that verify them) do:
 * MD5OfMessageBody is the hex MD5 of the body's UTF-8 bytes; MD5OfMessageAttributes (and of system
 * attributes) hashes the attributes sorted by name, each as length-prefixed name, data type, a
 * transport byte (1 string, 2 binary, 3 string list, 4 binary list) and length-prefixed value(s).
 */
import { createHash } from 'node:crypto';

export interface AttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
  StringListValues?: string[];
  BinaryListValues?: Uint8Array[];
}

export const md5Hex = (text: string | Uint8Array): string => createHash('md5').update(text).digest('hex');

function lengthPrefixed(bytes: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

export function md5OfAttributes(attrs: Record<string, AttributeValue>): string {
  const parts: Buffer[] = [];
  for (const name of Object.keys(attrs).sort()) {
    const a = attrs[name]!;
    parts.push(lengthPrefixed(utf8(name)), lengthPrefixed(utf8(a.DataType)));
    if (a.StringValue !== undefined) parts.push(Buffer.from([1]), lengthPrefixed(utf8(a.StringValue)));
    else if (a.BinaryValue !== undefined) parts.push(Buffer.from([2]), lengthPrefixed(a.BinaryValue));
    else if (a.StringListValues?.length) {
      parts.push(Buffer.from([3]));
      for (const v of a.StringListValues) parts.push(lengthPrefixed(utf8(v)));
    } else if (a.BinaryListValues?.length) {
      parts.push(Buffer.from([4]));
      for (const v of a.BinaryListValues) parts.push(lengthPrefixed(v));
    }
  }
  return md5Hex(Buffer.concat(parts));
}
