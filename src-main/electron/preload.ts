/**
 * Runs sandboxed, before the console. Exposes exactly one thing, `window.nimbus`: send a contract
 * message, receive contract messages. No Node, no Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { MESSAGE_CHANNEL, REQUEST_CHANNEL } from './channels';

contextBridge.exposeInMainWorld('nimbus', {
  request(message: unknown): void {
    ipcRenderer.send(REQUEST_CHANNEL, message);
  },
  onMessage(listener: (message: unknown) => void): void {
    // Drop the IPC event: it carries the sender object, which the page must not see.
    ipcRenderer.on(MESSAGE_CHANNEL, (_event, message: unknown) => listener(message));
  },
});
