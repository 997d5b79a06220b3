/**
 * GWS v2 simulator: Genesys Web Services REST (/api/v2) + CometD (/api/v2/notifications) on
 * the wire, plus a control API under /sim for tests and demos. See sim/README.md.
 */
export { DEFAULT_AGENTS } from './config.ts';
export type {
  AgentConfig,
  SimOptions,
  ParticipantFormat,
  CallIdFormat,
  ErrorHttpStatus,
} from './config.ts';
export { startSimulator } from './server.ts';
export type { RunningSimulator } from './server.ts';
