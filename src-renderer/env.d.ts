/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** What src-main/electron/preload.ts exposes through contextBridge. */
interface NimbusBridge {
  request(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface Window {
  nimbus?: NimbusBridge;
}
