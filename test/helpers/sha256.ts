import { createHash, createHmac } from 'node:crypto';

/** The hash constructor smithy's SigV4 signer expects, over node:crypto. */
export class Sha256 {
  private readonly h;
  constructor(secret?: unknown) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret as string | Uint8Array);
  }
  update(data: Uint8Array | string): void {
    this.h.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}
