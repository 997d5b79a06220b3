export type * from './store-types.ts';
export { changeBetween, initialCallsState, reduce } from './reduce.ts';
export { isStale } from './apply-call.ts';
export { checkInvariants } from './invariants.ts';
export * from './selectors.ts';
export * from './numbers.ts';
export * from './other-party.ts';
export * from './limits.ts';
export * from './monitoring.ts';
