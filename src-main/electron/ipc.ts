/**
 * The only place the main process touches raw ipcMain. Each console page (one webContents) gets one
 * contract connection; a message is accepted only from our own page's main frame and only if it is
 * a contract request envelope. Everything else is dropped before the engine sees it.
 */
import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { requestEnvelope } from '../contract';
import type { ContractConnection, ContractHost } from '../engine/contract-host';
import { MESSAGE_CHANNEL, REQUEST_CHANNEL } from './channels';

export interface IpcBridgeOptions {
  host: ContractHost;
  /** True for URLs of the app's own renderer (file://…/out/renderer/ or the dev server). */
  isAppUrl(url: string): boolean;
}

export function bridgeContractIpc({ host, isAppUrl }: IpcBridgeOptions): () => void {
  const connections = new Map<number, ContractConnection>();

  const connectionFor = (contents: WebContents): ContractConnection => {
    let connection = connections.get(contents.id);
    if (connection) return connection;
    const id = contents.id;
    connection = host.connect((message) => {
      if (!contents.isDestroyed()) contents.send(MESSAGE_CHANNEL, message);
    });
    connections.set(id, connection);
    const end = () => {
      connections.get(id)?.close();
      connections.delete(id);
    };
    contents.once('destroyed', end);
    // A reload starts a new page with fresh request ids: answers meant for the old page must not reach it.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) end();
    });
    return connection;
  };

  const onRequest = (event: IpcMainEvent, message: unknown): void => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return;
    if (!requestEnvelope.safeParse(message).success) return; // the host would refuse it too; don't even route it
    connectionFor(event.sender).receive(message);
  };

  ipcMain.on(REQUEST_CHANNEL, onRequest);
  return () => {
    ipcMain.off(REQUEST_CHANNEL, onRequest);
    for (const c of connections.values()) c.close();
    connections.clear();
  };
}
