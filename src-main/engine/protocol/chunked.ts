/**
 * Decoder for S3's `aws-chunked` upload framing:
 *
 *   <hex-size>[;chunk-signature=<sig>]\r\n<data>\r\n ... 0[;chunk-signature=<sig>]\r\n[<trailer>:<value>\r\n ...]\r\n
 *
 * It yields the payload bytes as they arrive, checks each chunk signature against the previous one
 * (seeded with the request's own signature), then the trailer signature and the trailer checksum.
 * A failure errors the stream with the AwsError S3 would answer.
 */
import { createHash, timingSafeEqual, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { EMPTY_SHA256, hmacHex, sha256Hex } from './sigv4-canonical';
import { checksumAlgorithmOf, createChecksum, isWellFormedChecksum, type Checksum } from './sigv4-checksums';
import {
  badSignature,
  checksumMismatch,
  decodedLengthMismatch,
  incompleteBody,
  invalidChecksumValue,
  malformedChunk,
  missingTrailer,
} from './sigv4-errors';
import type { AwsError } from './errors';

export interface ChunkSigning {
  key: Buffer;
  amzDate: string;
  scope: string;
  /** The request signature: the "previous signature" of the first chunk. */
  seedSignature: string;
}

export interface ChunkedOptions {
  /** Present for STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]: every chunk must carry a valid signature. */
  signing?: ChunkSigning;
  /** The trailer must be signed too (…-PAYLOAD-TRAILER). */
  signedTrailer?: boolean;
  /** `x-amz-trailer`: the checksum header the client promises in the trailer. */
  trailer?: string;
  /** `x-amz-decoded-content-length`, checked at the end when given. */
  decodedLength?: number;
}

const enum State {
  Header,
  Data,
  DataCr,
  DataLf,
  Trailer,
  Done,
}

const MAX_LINE = 8192;
const CR = 13;
const LF = 10;

export class AwsChunkedDecoder extends Transform {
  /** Trailer headers received (lower-case names), filled in when the body has ended. */
  readonly trailers: Record<string, string> = Object.create(null) as Record<string, string>;

  private state = State.Header;
  private line: Buffer[] = [];
  private lineLength = 0;
  private remaining = 0;
  private decoded = 0;
  private prevSignature: string;
  private chunkSignature = '';
  private chunkHash: Hash | undefined;
  private readonly checksum: Checksum | undefined;
  private readonly trailerLines: string[] = [];

  constructor(private readonly opts: ChunkedOptions) {
    super();
    this.prevSignature = opts.signing?.seedSignature ?? '';
    const alg = opts.trailer ? checksumAlgorithmOf(opts.trailer) : undefined;
    this.checksum = alg ? createChecksum(alg) : undefined;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.consume(chunk);
      done();
    } catch (err) {
      done(err as AwsError);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      // Some clients stop right after the final chunk's line; nothing is missing then.
      if (this.state === State.Trailer && this.lineLength === 0) this.finish();
      else if (this.state !== State.Done) throw incompleteBody();
      done();
    } catch (err) {
      done(err as AwsError);
    }
  }

  private consume(buf: Buffer): void {
    let i = 0;
    while (i < buf.length) {
      switch (this.state) {
        case State.Header:
        case State.Trailer: {
          const nl = buf.indexOf(LF, i);
          const end = nl < 0 ? buf.length : nl;
          this.lineLength += end - i;
          if (this.lineLength > MAX_LINE) throw malformedChunk();
          if (end > i) this.line.push(buf.subarray(i, end));
          if (nl < 0) return;
          i = nl + 1;
          let text =
            this.line.length === 1 ? this.line[0]!.toString('latin1') : Buffer.concat(this.line).toString('latin1');
          this.line = [];
          this.lineLength = 0;
          if (text.endsWith('\r')) text = text.slice(0, -1);
          if (this.state === State.Header) this.onChunkHeader(text);
          else if (text === '') this.finish();
          else this.trailerLines.push(text);
          break;
        }
        case State.Data: {
          const n = Math.min(this.remaining, buf.length - i);
          const data = buf.subarray(i, i + n);
          this.chunkHash?.update(data);
          this.checksum?.update(data);
          this.push(data);
          this.decoded += n;
          this.remaining -= n;
          i += n;
          if (this.remaining === 0) {
            if (this.opts.signing) this.verifyChunk(this.chunkHash!.digest('hex'));
            this.state = State.DataCr;
          }
          break;
        }
        case State.DataCr:
          if (buf[i] !== CR) throw malformedChunk();
          i++;
          this.state = State.DataLf;
          break;
        case State.DataLf:
          if (buf[i] !== LF) throw malformedChunk();
          i++;
          this.state = State.Header;
          break;
        case State.Done:
          return;
      }
    }
  }

  private onChunkHeader(text: string): void {
    const semi = text.indexOf(';');
    const sizeText = (semi < 0 ? text : text.slice(0, semi)).trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText)) throw malformedChunk();
    const size = parseInt(sizeText, 16);
    this.chunkSignature = '';
    if (semi >= 0) {
      for (const ext of text.slice(semi + 1).split(';')) {
        const eq = ext.indexOf('=');
        if (eq > 0 && ext.slice(0, eq).trim() === 'chunk-signature') this.chunkSignature = ext.slice(eq + 1).trim();
      }
    }
    if (this.opts.signing && !this.chunkSignature) throw badSignature(true);
    if (size === 0) {
      if (this.opts.signing) this.verifyChunk(EMPTY_SHA256);
      this.state = State.Trailer;
      return;
    }
    this.remaining = size;
    if (this.opts.signing) this.chunkHash = createHash('sha256');
    this.state = State.Data;
  }

  private verifyChunk(dataHash: string): void {
    const s = this.opts.signing!;
    const toSign = `AWS4-HMAC-SHA256-PAYLOAD\n${s.amzDate}\n${s.scope}\n${this.prevSignature}\n${EMPTY_SHA256}\n${dataHash}`;
    const expected = hmacHex(s.key, toSign);
    if (!sameHex(expected, this.chunkSignature)) throw badSignature(true);
    this.prevSignature = expected;
  }

  /** The final empty line (or end of input after the last chunk): check length, trailer and checksum. */
  private finish(): void {
    this.state = State.Done;
    let trailerSignature: string | undefined;
    let canonicalTrailer = '';
    for (const line of this.trailerLines) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw malformedChunk();
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'x-amz-trailer-signature') {
        trailerSignature = value;
        continue;
      }
      this.trailers[name] = value;
      canonicalTrailer += `${name}:${value}\n`;
    }
    if (this.opts.decodedLength !== undefined && this.opts.decodedLength !== this.decoded)
      throw decodedLengthMismatch();
    if (this.opts.signing && this.opts.signedTrailer) {
      const s = this.opts.signing;
      const toSign = `AWS4-HMAC-SHA256-TRAILER\n${s.amzDate}\n${s.scope}\n${this.prevSignature}\n${sha256Hex(canonicalTrailer)}`;
      if (!trailerSignature || !sameHex(hmacHex(s.key, toSign), trailerSignature)) throw badSignature(true);
    }
    if (this.opts.trailer) {
      const name = this.opts.trailer.toLowerCase();
      const alg = checksumAlgorithmOf(name);
      const value = this.trailers[name];
      if (value === undefined) throw missingTrailer(name);
      if (alg && this.checksum) {
        if (!isWellFormedChecksum(alg, value)) throw invalidChecksumValue(name);
        if (this.checksum.digest() !== value) throw checksumMismatch(alg);
      }
    }
  }
}

/** Constant-time comparison of two hex signatures (length leaks nothing useful). */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1'));
}
