/**
 * What the terminal dock needs from the lab's terminal sessions. The implementation over the
 * contract's terminal.* requests and events is in contract-backend.ts.
 */
export type TerminalTarget = { kind: 'workstation' } | { kind: 'instance'; instanceId: string; user: string };

export interface OpenedSession {
  sessionId: string;
  /** user@host, for the tab. */
  title: string;
  /** What the terminal printed before it answered (banner, first prompt). */
  replay: string;
}

export interface TerminalBackend {
  /** Starts a session sized cols × rows. */
  open(target: TerminalTarget, cols: number, rows: number): Promise<OpenedSession>;
  /** Re-attaches to a session that outlived a page reload; resolves with its scrollback to repaint. Rejects when it ended. */
  attach(sessionId: string, cols: number, rows: number): Promise<string>;
  input(sessionId: string, data: string): void;
  resize(sessionId: string, cols: number, rows: number): void;
  close(sessionId: string): void;
  onOutput(listener: (sessionId: string, data: string) => void): () => void;
  onExit(listener: (sessionId: string, reason: string) => void): () => void;
}
