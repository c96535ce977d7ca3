/** Off-thread data planes (database engines, Redis servers, Lambda sandboxes): see supervisor.ts. */
export { createSupervisor, type SupervisorOptions } from './supervisor';
export { proxyHeader } from './proxy-header';
export { programPath } from './programs';
export { copyDir } from './copy-dir';
export type { EngineSpec, EngineState, EngineStatus, StreamSource, Supervisor } from './types';
