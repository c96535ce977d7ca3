/** IPC channel names, shared by the preload and ipc.ts (the only two files that use raw IPC). */
export const REQUEST_CHANNEL = 'nimbus:request';
export const MESSAGE_CHANNEL = 'nimbus:message';
