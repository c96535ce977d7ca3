/**
 * The desktop shell: one window showing the console, the engine in this process (data in userData),
 * and the AWS endpoint on 127.0.0.1:4566 for the CLI and SDKs. Kept thin: the engine, the server
 * and the console do the work.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createEngine, type Engine } from '../engine';
import { createContractHost } from '../engine/contract-host';
import { createLabServer, type LabServer } from '../server/server';
import { DataDirError, openDataDir, type DataDirLock } from '../server/lab-data';
import { writeLabFiles } from './lab-files';
import { bridgeContractIpc } from './ipc';
import { lockDown } from './security';
import { loadWindowState, trackWindowState } from './window-state';

const here = fileURLToPath(new URL('.', import.meta.url)); // out/main/
const rendererDir = join(here, '../renderer');
const rendererIndex = join(rendererDir, 'index.html');
const rendererBase = pathToFileURL(rendererDir).href + '/';
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

function isAppUrl(url: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith(rendererBase) || url.startsWith('devtools://');
}

let win: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const state = loadWindowState(userData);
  const w = new BrowserWindow({
    ...(state.known ? state.bounds : { width: state.bounds.width, height: state.bounds.height }),
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Nimbus Lab',
    backgroundColor: '#f2f3f3',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) w.maximize();
  trackWindowState(w, userData);
  w.once('ready-to-show', () => w.show());
  if (devServerUrl) void w.loadURL(devServerUrl);
  else void w.loadFile(rendererIndex);
  return w;
}

/** The AWS endpoint for the CLI/SDKs; off with NIMBUS_ENDPOINT=off, moved with NIMBUS_PORT. */
async function startEndpoint(engine: Engine, dataDir: string): Promise<LabServer | undefined> {
  if (process.env.NIMBUS_ENDPOINT === 'off') return undefined;
  const port = Number(process.env.NIMBUS_PORT ?? 4566);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[nimbus] NIMBUS_PORT=${process.env.NIMBUS_PORT} is not a port number; the AWS endpoint is off.`);
    return undefined;
  }
  try {
    // The Electron renderer build also works from /_lab/ in a browser (relative asset paths, WebSocket transport).
    const server = await createLabServer({
      engine,
      port,
      host: '127.0.0.1',
      webRoot: rendererDir,
      version: app.getVersion(),
    });
    writeLabFiles(dataDir, engine, server.consoleUrl);
    console.log(`[nimbus] AWS endpoint ready on ${server.url}`);
    return server;
  } catch (e) {
    // Most likely another lab (or LocalStack) holds the port: the console still works through IPC.
    console.error(
      `[nimbus] the AWS endpoint could not listen on 127.0.0.1:${port}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  }
}

async function start(): Promise<void> {
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  await app.whenReady();
  lockDown(isAppUrl);

  const dataDir = join(app.getPath('userData'), 'lab');
  // The same lock, permissions and integrity check as `nimbus serve`: one lab process per data folder.
  let lock: DataDirLock;
  try {
    lock = openDataDir(dataDir);
  } catch (e) {
    if (!(e instanceof DataDirError)) throw e;
    dialog.showErrorBox('Nimbus Lab cannot open its lab', e.message);
    app.exit(1);
    return;
  }
  const engine = createEngine({
    dataDir,
    // Packaged: electron-builder copies resources/ next to app.asar (extraResources).
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : undefined,
  });
  const host = createContractHost(engine, { version: app.getVersion() });
  const stopIpc = bridgeContractIpc({ host, isAppUrl });
  const endpoint = await startEndpoint(engine, dataDir);
  if (endpoint) lock.update({ url: endpoint.url });

  win = createWindow();
  win.on('closed', () => (win = undefined));
  app.on('activate', () => {
    if (!win) {
      win = createWindow();
      win.on('closed', () => (win = undefined));
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let stopped = false;
  app.on('will-quit', () => {
    if (stopped) return;
    stopped = true;
    stopIpc();
    void endpoint?.close();
    engine.close();
    lock.release();
  });
}

start().catch((e: unknown) => {
  console.error('[nimbus] the app could not start', e);
  app.exit(1);
});
