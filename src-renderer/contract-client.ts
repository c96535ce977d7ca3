/**
 * The console's only door to the engine. In Electron the preload exposes `window.nimbus`; in a
 * browser we speak the same envelopes as JSON over a WebSocket to /_lab/ws (the page load already set
 * the token cookie). Answers and events are checked against the contract's schemas, so stores get
 * typed values without casts.
 */
import { ref, type Ref } from 'vue';
import {
  CONTRACT_ERRORS,
  contractEvents,
  contractRequests,
  eventEnvelope,
  isEventName,
  responseEnvelope,
  type ContractError,
  type ContractEvents,
  type ContractRequests,
  type EventName,
  type RequestName,
} from '../src-main/contract';

/** A failed request: AWS's error (code, message, status) or one of CONTRACT_ERRORS. */
export class ContractRequestError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'ContractRequestError';
    this.code = error.code;
    this.status = error.status;
  }
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** A message pipe. `onStatus` reports when the pipe can carry messages. */
export interface Transport {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onStatus(listener: (state: ConnectionState) => void): void;
}

export interface ContractClient {
  readonly state: Ref<ConnectionState>;
  request<K extends RequestName>(
    type: K,
    payload: ContractRequests[K]['request'],
  ): Promise<ContractRequests[K]['response']>;
  on<E extends EventName>(event: E, listener: (payload: ContractEvents[E]) => void): () => void;
  /** Runs whenever the connection (re)opens: stores reload their mirrors here. */
  onOpen(listener: () => void): () => void;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: ContractRequestError): void;
  type: RequestName;
}

export function createContractClient(transport: Transport): ContractClient {
  const state = ref<ConnectionState>('connecting');
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const openListeners = new Set<() => void>();
  let nextId = 1;

  transport.onStatus((s) => {
    state.value = s;
    if (s === 'open') for (const l of openListeners) l();
    if (s === 'closed') {
      // In-flight requests will never be answered by the old connection.
      const lost = new ContractRequestError({
        code: CONTRACT_ERRORS.connectionLost,
        message: 'The connection to the lab was lost.',
        status: 0,
      });
      for (const p of pending.values()) p.reject(lost);
      pending.clear();
    }
  });

  transport.onMessage((raw) => {
    const response = responseEnvelope.safeParse(raw);
    if (response.success) {
      const { id } = response.data;
      const p = typeof id === 'number' ? pending.get(id) : undefined;
      if (!p) return;
      pending.delete(id as number);
      if (!response.data.ok) {
        p.reject(new ContractRequestError(response.data.error));
        return;
      }
      const result = contractRequests[p.type].response.safeParse(response.data.result);
      if (result.success) p.resolve(result.data);
      else
        p.reject(
          new ContractRequestError({
            code: 'InvalidContractResponse',
            message: `The lab sent a malformed ${p.type} answer.`,
            status: 500,
          }),
        );
      return;
    }
    const event = eventEnvelope.safeParse(raw);
    if (!event.success || !isEventName(event.data.event)) return;
    const payload = contractEvents[event.data.event].safeParse(event.data.payload);
    if (!payload.success) return;
    for (const l of listeners.get(event.data.event) ?? []) l(payload.data as never);
  });

  return {
    state,
    request(type, payload) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (r: unknown) => void, reject, type });
        transport.send({ id, type, payload });
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    onOpen(listener) {
      openListeners.add(listener);
      if (state.value === 'open') listener();
      return () => openListeners.delete(listener);
    },
  };
}

/** Electron: the preload's contextBridge API. IPC is up as soon as the page runs. */
function electronTransport(api: NimbusBridge): Transport {
  return {
    send: (message) => api.request(message),
    onMessage: (listener) => api.onMessage(listener),
    onStatus: (listener) => queueMicrotask(() => listener('open')),
  };
}

/**
 * Browser: WebSocket to /_lab/ws with reconnect (the lab may restart under an open tab). Messages
 * sent while disconnected wait for the next connection.
 */
function webSocketTransport(url: string): Transport {
  let socket: WebSocket | undefined;
  let delay = 250;
  const queue: string[] = [];
  const messageListeners: ((m: unknown) => void)[] = [];
  const statusListeners: ((s: ConnectionState) => void)[] = [];
  const setStatus = (s: ConnectionState) => statusListeners.forEach((l) => l(s));

  const connect = () => {
    setStatus('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      delay = 250;
      while (queue.length > 0) ws.send(queue.shift()!);
      setStatus('open');
    };
    ws.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      let message: unknown;
      try {
        message = JSON.parse(e.data);
      } catch {
        return;
      }
      messageListeners.forEach((l) => l(message));
    };
    ws.onclose = () => {
      socket = undefined;
      setStatus('closed');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  queueMicrotask(connect);

  return {
    send(message) {
      const text = JSON.stringify(message);
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
      else queue.push(text);
    },
    onMessage: (l) => void messageListeners.push(l),
    onStatus: (l) => void statusListeners.push(l),
  };
}

function defaultTransport(): Transport {
  if (window.nimbus) return electronTransport(window.nimbus);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return webSocketTransport(`${scheme}//${location.host}/_lab/ws`);
}

let client: ContractClient | undefined;

/** The app-wide client, made on first use. */
export function useContractClient(): ContractClient {
  return (client ??= createContractClient(defaultTransport()));
}

/** Tests (and storybook-like harnesses) plug in their own transport. */
export function setContractClient(c: ContractClient | undefined): void {
  client = c;
}
