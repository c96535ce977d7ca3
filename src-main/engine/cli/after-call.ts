/**
 * What the real CLI does to a response before printing it (botocore's after-call handlers and
 * awscli's customizations): ec2 get-console-output decodes the base64 log into text, and
 * iam create-virtual-mfa-device writes the bootstrap data (--bootstrap-method) to --outfile and
 * leaves both bootstrap fields out of what it prints.
 */
import QRCode from 'qrcode';
import type { ArgTable } from './arg-table';
import { GeneralError, ParamValidationError } from './errors';
import { resolvePath } from './files';
import type { Session } from './session';

type Dict = Record<string, unknown>;

const MFA_CHOICES = ['QRCodePNG', 'Base32StringSeed'];

/** awscli's iamvirtmfa.py: two required CLI-only arguments. */
export function mfaArguments(table: ArgTable): void {
  table.set('outfile', { name: 'outfile', dest: 'outfile', nargs: 1, required: true, cliOnly: true, typeName: 'string' });
  table.set('bootstrap-method', { name: 'bootstrap-method', dest: 'bootstrap-method', nargs: 1, required: true, cliOnly: true, typeName: 'string' });
}

/** Checks made before the call, as the real CLI validates the arguments first. */
export function beforeCallChecks(service: string, operation: string, values: Map<string, unknown>): void {
  if (service === 'iam' && operation === 'CreateVirtualMFADevice') {
    const method = String(values.get('bootstrap-method'));
    if (!MFA_CHOICES.includes(method)) throw new ParamValidationError(`argument --bootstrap-method: Invalid choice, valid choices are:\n\nQRCodePNG                                | Base32StringSeed`);
  }
}

/**
 * The PNG a virtual MFA app scans: an otpauth URI with the seed, as IAM's QRCodePNG holds. Used when
 * the response carries only the seed.
 */
async function qrPng(serial: string, seed: string): Promise<Buffer> {
  const m = /^arn:aws[\w-]*:iam::(\d+):mfa\/(?:.*\/)?([^/]+)$/.exec(serial);
  const label = m ? `${m[2]}@${m[1]}` : serial;
  const issuer = 'Amazon Web Services';
  const uri = `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${seed}&issuer=${encodeURIComponent(issuer)}`;
  return QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 4 });
}

const bytesOf = (v: unknown): Buffer | undefined =>
  v instanceof Uint8Array ? Buffer.from(v) : typeof v === 'string' ? Buffer.from(v, 'base64') : undefined;

/** `raw` is the call's result (blobs as bytes); `rendered` is what will be printed. */
export async function afterCall(session: Session, service: string, operation: string, raw: Dict, rendered: Dict, values: Map<string, unknown>): Promise<void> {
  if (service === 'ec2' && operation === 'GetConsoleOutput' && typeof rendered.Output === 'string') {
    rendered.Output = Buffer.from(rendered.Output, 'base64').toString('utf8');
    return;
  }
  if (service === 'iam' && operation === 'CreateVirtualMFADevice') {
    const device = (raw.VirtualMFADevice ?? {}) as Dict;
    const shown = (rendered.VirtualMFADevice ?? {}) as Dict;
    const method = String(values.get('bootstrap-method'));
    const outfile = String(values.get('outfile'));
    let body = bytesOf(device[method]);
    if (!body && method === 'QRCodePNG') {
      const seed = bytesOf(device.Base32StringSeed);
      if (seed && typeof device.SerialNumber === 'string') body = await qrPng(device.SerialNumber, seed.toString('ascii'));
    }
    if (body) {
      try {
        await session.host.fs.writeFile(resolvePath(session.host, outfile), body);
      } catch (e) {
        throw new GeneralError(`[Errno 2] No such file or directory: '${outfile}' (${(e as Error).message})`);
      }
    }
    for (const c of MFA_CHOICES) delete shown[c];
  }
}
