import type { Ctx } from '../../core/provider';
import { invalidAuthorizationMessage } from './errors';

/** Reveals the decision behind an EC2 UnauthorizedOperation (engine/iam/denial.ts encodes it). */
export const DecodeAuthorizationMessage = (_ctx: Ctx, input: { EncodedMessage: string }) => {
  let text: string;
  try {
    text = Buffer.from(input.EncodedMessage, 'base64url').toString('utf8');
    JSON.parse(text);
  } catch {
    throw invalidAuthorizationMessage('Message is not valid');
  }
  return { DecodedMessage: text };
};
