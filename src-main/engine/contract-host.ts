/**
 * The engine side of the console contract. Transports (the server's /_lab/ws WebSocket, Electron's
 * IPC) hand every incoming message to a connection; each answer and pushed event goes back through
 * `send`. Bad messages get an error answer, never a throw: a console bug must not take the lab down.
 */
import {
  CONTRACT_ERRORS,
  contractRequests,
  isRequestName,
  requestEnvelope,
  type ContractError,
  type ContractRequests,
  type HistoryEvent,
  type RequestName,
  type ResponseEnvelope,
  type EventEnvelope,
} from '../contract';
import type { Engine, CallEvent } from './index';
import { createHandlers } from './contract-host/handlers';
import { labsFor, setLabsEndpoint } from './contract-host/labs';
import { AwsError } from './protocol/errors';

export interface ContractConnection {
  receive(message: unknown): void;
  close(): void;
}

export interface ContractHost {
  connect(send: (message: unknown) => void): ContractConnection;
}

export interface ContractHostOptions {
  /** Shown in lab.info; the shell knows it (app.getVersion(), package.json). */
  version?: string;
  /** The AWS endpoint's URL once the shell listens (lab.info shows the real port). */
  endpoint?: () => string | undefined;
}

/**
 * A terminal no connection holds any more (its console went away without terminal.close) is
 * closed after this long on the lab's clock, unless a console attaches to it again (a reload).
 */
export const TERMINAL_GRACE_MS = 60_000;

export const toHistoryEvent = (e: CallEvent): HistoryEvent => ({
  time: new Date(e.time).toISOString(),
  requestId: e.requestId,
  accountId: e.accountId,
  region: e.region,
  source: e.source,
  principalArn: e.principalArn,
  service: e.service,
  operation: e.operation,
  ...(e.errorCode ? { errorCode: e.errorCode } : {}),
  ...(e.errorMessage ? { errorMessage: e.errorMessage } : {}),
});

const fail = (code: string, message: string, status = 400): ContractError => ({ code, message, status });

function toContractError(e: unknown): ContractError {
  if (e instanceof AwsError) return { code: e.code, message: e.message, status: e.status };
  // Handlers only throw AwsError; anything else is a bug in the host and is reported like AWS does.
  console.error('[nimbus] contract host error', e);
  return fail(
    'InternalFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
    500,
  );
}

/** Accept a parsed object or the raw JSON text of a WebSocket frame. */
function parseMaybeJson(message: unknown): unknown {
  if (typeof message !== 'string') return message;
  try {
    return JSON.parse(message) as unknown;
  } catch {
    return undefined;
  }
}

export function createContractHost(engine: Engine, options: ContractHostOptions = {}): ContractHost {
  const handlers = createHandlers(engine, options);
  // The chapters' programs (the book's Node.js programs) reach the lab through this endpoint.
  if (options.endpoint) setLabsEndpoint(engine, options.endpoint);
  // Terminal id → how many open connections hold it (opened or attached it).
  const holders = new Map<string, number>();
  const hold = (id: string, n: number): void => {
    const left = (holders.get(id) ?? 0) + n;
    if (left > 0) {
      holders.set(id, left);
      return;
    }
    holders.delete(id);
    engine.clock.at(engine.clock.now() + TERMINAL_GRACE_MS, () => {
      if (holders.has(id)) return;
      try {
        engine.terminals.close(id);
      } catch {
        // already closed
      }
    });
  };

  return {
    connect(send) {
      let open = true;
      const safeSend = (message: ResponseEnvelope | EventEnvelope): void => {
        if (!open) return;
        try {
          send(message);
        } catch {
          // The transport died under us; its own close handler will end this connection.
        }
      };
      // Chapter checks re-run as the cloud changes; their new marks are pushed to every console.
      const unsubscribeLabs = labsFor(engine).onUpdate((status) => safeSend({ event: 'chapters.updated', payload: status }));
      const unsubscribe = engine.onEvent((event) => {
        safeSend({ event: 'events.appended', payload: toHistoryEvent(event) });
      });
      // Terminal output goes only to the connections that opened or attached the terminal.
      const myTerminals = new Set<string>();
      const unsubscribeTerminals = engine.terminals.onEvent((e) => {
        if (!myTerminals.has(e.terminalId)) return;
        if (e.type === 'output') safeSend({ event: 'terminal.output', payload: { terminalId: e.terminalId, data: e.data } });
        else if (e.type === 'idle') safeSend({ event: 'terminal.idle', payload: { terminalId: e.terminalId, exitCode: e.exitCode, reading: e.reading } });
        else if (e.type === 'blocked') safeSend({ event: 'terminal.blocked', payload: { terminalId: e.terminalId, ...e.connection } });
        else {
          safeSend({ event: 'terminal.exit', payload: { terminalId: e.terminalId, exitCode: e.exitCode } });
          myTerminals.delete(e.terminalId);
          holders.delete(e.terminalId);
        }
      });

      const run = async <K extends RequestName>(
        type: K,
        payload: unknown,
      ): Promise<ContractRequests[K]['response']> => {
        const parsed = contractRequests[type].request.safeParse(payload ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue && issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
          throw new AwsError(
            CONTRACT_ERRORS.invalidPayload,
            `Invalid ${type} payload${where}: ${issue?.message ?? 'invalid'}.`,
            400,
          );
        }
        // TypeScript cannot correlate the parsed union with K; the schema lookup above is by the same key.
        return handlers[type](parsed.data as never) as Promise<ContractRequests[K]['response']>;
      };

      return {
        receive(raw) {
          if (!open) return;
          const envelope = requestEnvelope.safeParse(parseMaybeJson(raw));
          if (!envelope.success) {
            const maybeId = (raw as { id?: unknown } | null)?.id;
            const id = typeof maybeId === 'string' || typeof maybeId === 'number' ? maybeId : null;
            safeSend({
              id,
              ok: false,
              error: fail(
                CONTRACT_ERRORS.invalidMessage,
                'The message is not a contract request: it needs an id, a type and a payload.',
              ),
            });
            return;
          }
          const { id, type, payload } = envelope.data;
          if (!isRequestName(type)) {
            safeSend({ id, ok: false, error: fail(CONTRACT_ERRORS.unknownRequest, `Unknown request type '${type}'.`) });
            return;
          }
          run(type, payload).then(
            (result) => {
              if (type === 'terminal.open' || type === 'terminal.attach') {
                const tid = (result as { terminalId: string }).terminalId;
                if (!myTerminals.has(tid) && open) hold(tid, 1);
                myTerminals.add(tid);
              }
              safeSend({ id, ok: true, result });
            },
            (e: unknown) => safeSend({ id, ok: false, error: toContractError(e) }),
          );
        },
        close() {
          if (!open) return;
          open = false;
          for (const tid of myTerminals) hold(tid, -1);
          unsubscribe();
          unsubscribeTerminals();
          unsubscribeLabs();
        },
      };
    },
  };
}

/** The chapter runtime of an engine (one per engine), for the shells' `nimbus chapters` command. */
export { labsFor } from './contract-host/labs';
