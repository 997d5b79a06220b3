/** Fault switches of the control API (`/sim/faults/...`); all off initially and after reset. */
export interface FaultState {
  voiceDown: boolean;
  delay: { ms: number; pathPrefix: string };
  stall: boolean;
  duplicate: boolean;
  reorder: boolean;
  /** REST requests under this prefix fail inside their handler (HTTP 500, statusCode 4). */
  internalError: { on: boolean; pathPrefix: string };
}

export function initialFaults(): FaultState {
  return {
    voiceDown: false,
    delay: { ms: 0, pathPrefix: '/api/v2' },
    stall: false,
    duplicate: false,
    reorder: false,
    internalError: { on: false, pathPrefix: '/api/v2' },
  };
}
