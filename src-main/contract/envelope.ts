/**
 * The wire envelope shared by every transport (Electron IPC, WebSocket): a request carries an id the
 * answer echoes, so one connection can have many requests in flight; events carry no id.
 */
import { z } from 'zod';

export const messageId = z.union([z.string().min(1).max(64), z.number().int().nonnegative()]);

export const requestEnvelope = z.object({
  id: messageId,
  type: z.string().min(1).max(64),
  payload: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelope>;

/**
 * Every failure crossing the boundary has AWS's error shape. AWS errors keep their own code and
 * status; failures of the contract itself use the codes below.
 */
export const contractError = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().int(),
});
export type ContractError = z.infer<typeof contractError>;

export const responseEnvelope = z.discriminatedUnion('ok', [
  z.object({ id: messageId, ok: z.literal(true), result: z.unknown() }),
  z.object({ id: messageId.nullable(), ok: z.literal(false), error: contractError }),
]);
export type ResponseEnvelope = z.infer<typeof responseEnvelope>;

export const eventEnvelope = z.object({
  event: z.string().min(1),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelope>;

/** Anything the engine side sends: an answer or a pushed event. */
export const serverMessage = z.union([responseEnvelope, eventEnvelope]);
export type ServerMessage = z.infer<typeof serverMessage>;

/** Error codes of the contract layer itself (not AWS's). */
export const CONTRACT_ERRORS = {
  /** The message is not a request envelope (no id/type, not an object, not JSON). */
  invalidMessage: 'InvalidContractMessage',
  /** The request type is not in the contract. */
  unknownRequest: 'UnknownContractRequest',
  /** The payload does not match the request's schema. */
  invalidPayload: 'InvalidContractPayload',
  /** The transport went away before the answer came back. */
  connectionLost: 'ConnectionLost',
} as const;
