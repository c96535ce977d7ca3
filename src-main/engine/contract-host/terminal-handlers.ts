/** terminal.*: shells on the workstation and instances (engine/terminals.ts), for the console and `nimbus shell`. */
import type { ContractHandlers } from './handlers';
import type { Engine } from '../index';

type TerminalRequests = 'terminal.open' | 'terminal.attach' | 'terminal.input' | 'terminal.resize' | 'terminal.close' | 'terminal.list';

export function createTerminalHandlers(engine: Engine): Pick<ContractHandlers, TerminalRequests> {
  const t = engine.terminals;
  return {
    async 'terminal.open'({ target, mode, cols, rows, user }) {
      const info = await t.open({ target, mode, cols, rows, ...(user ? { user } : {}) });
      return { ...info, scrollback: t.attach(info.terminalId).scrollback };
    },
    async 'terminal.attach'({ terminalId }) {
      return t.attach(terminalId);
    },
    async 'terminal.input'({ terminalId, data }) {
      t.input(terminalId, data);
      return {};
    },
    async 'terminal.resize'({ terminalId, cols, rows }) {
      t.resize(terminalId, cols, rows);
      return {};
    },
    async 'terminal.close'({ terminalId }) {
      t.close(terminalId);
      return {};
    },
    async 'terminal.list'() {
      return { terminals: t.list() };
    },
  };
}
