/** Terminal sessions over the contract: terminal.* requests, terminal.output / terminal.exit events. */
import { useContractClient } from '../contract-client';
import type { TerminalBackend } from './backend';

export function contractTerminalBackend(): TerminalBackend {
  const client = useContractClient();
  // Keystrokes and resizes need no answer; a failure shows up as the terminal's exit or silence.
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
  return {
    async open(target, cols, rows) {
      const info = await client.request('terminal.open', {
        target: target.kind === 'workstation' ? 'workstation' : target.instanceId,
        ...(target.kind === 'instance' ? { user: target.user } : {}),
        cols,
        rows,
      });
      return { sessionId: info.terminalId, title: info.title, replay: info.scrollback };
    },
    async attach(sessionId, cols, rows) {
      const info = await client.request('terminal.attach', { terminalId: sessionId });
      if (info.closed) throw new Error('the shell has exited');
      quiet(client.request('terminal.resize', { terminalId: sessionId, cols, rows }));
      return info.scrollback;
    },
    input: (terminalId, data) => quiet(client.request('terminal.input', { terminalId, data })),
    resize: (terminalId, cols, rows) => quiet(client.request('terminal.resize', { terminalId, cols, rows })),
    close: (terminalId) => quiet(client.request('terminal.close', { terminalId })),
    onOutput: (listener) => client.on('terminal.output', (e) => listener(e.terminalId, e.data)),
    onExit: (listener) => client.on('terminal.exit', (e) => listener(e.terminalId, e.exitCode === 0 ? '' : `exit status ${e.exitCode}`)),
  };
}
