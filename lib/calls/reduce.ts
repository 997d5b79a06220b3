import type {
  CallsState,
  ConnectionInput,
  ConnectionState,
  PendingIntent,
  StoreAction,
  StoreChange,
} from './store-types.ts';
import { applyCallEvent } from './apply-call.ts';
import { applyChannels, applyDevices, EMPTY_AGENT } from './agent.ts';
import { pruneEnded, relink } from './call-records.ts';
import { applyError, expireIntents, settleIntents, startIntent } from './intents.ts';
import { applySnapshot } from './recovery.ts';

export function initialCallsState(now = 0): CallsState {
  return {
    connection: { kind: 'loggedOut' },
    calls: [],
    ended: [],
    tombstones: [],
    alertedIds: [],
    alerts: [],
    agent: EMPTY_AGENT,
    intents: [],
    clock: now,
  };
}

/**
 * The store: a pure, immutable `(state, action, now) → state`. `now` is epoch ms from the
 * caller; the store never reads a clock, and stamps never go below the highest `now` seen,
 * so a wall-clock step backwards cannot produce unordered histories or negative durations.
 */
export function reduce(state: CallsState, action: StoreAction, now: number): CallsState {
  const clock = Number.isFinite(now) ? Math.max(now, state.clock) : state.clock;
  const stamped = clock === state.clock ? state : { ...state, clock };
  return relink(pruneEnded(apply(stamped, action, clock), clock));
}

/**
 * What `reduce` changed between two of its states. The store is immutable, so an unchanged
 * part keeps its identity and this costs a few comparisons, not a diff.
 */
export function changeBetween(previous: CallsState, next: CallsState): StoreChange {
  const calls = previous.calls !== next.calls || previous.ended !== next.ended;
  const connection = previous.connection !== next.connection;
  const agent = previous.agent !== next.agent;
  return {
    calls,
    callIds: previous.calls !== next.calls && !sameCallIds(previous, next),
    connection,
    agent,
    view:
      calls ||
      connection ||
      agent ||
      previous.intents !== next.intents ||
      previous.lastError !== next.lastError ||
      previous.clock !== next.clock,
  };
}

function sameCallIds(previous: CallsState, next: CallsState): boolean {
  if (previous.calls.length !== next.calls.length) return false;
  const ids = new Set(previous.calls.map((r) => r.call.id));
  return next.calls.every((r) => ids.has(r.call.id));
}

function apply(state: CallsState, action: StoreAction, now: number): CallsState {
  switch (action.type) {
    case 'event': {
      const event = action.event;
      switch (event.kind) {
        case 'call':
          return applyCallEvent(state, event, now);
        case 'device':
          return applyDevices(state, event.devices, now);
        case 'channel':
          return applyChannels(state, event.channels, now);
        case 'error':
          return applyError(state, event, now);
        case 'password':
          return state; // not call state; the session layer reports it
      }
      return state;
    }
    case 'recovery':
      return applySnapshot(state, action.snapshot, now, Math.min(action.takenAt ?? now, now));
    case 'connection':
      if (action.connection.kind === 'loggedOut') return loggedOut(state);
      return { ...state, connection: connect(state.connection, action.connection, now) };
    case 'logged-out':
      return loggedOut(state);
    case 'reset':
      return initialCallsState(now);
    case 'intent': {
      const intent: PendingIntent = { id: action.id, operation: action.operation, startedAt: now };
      if (action.callId !== undefined) intent.callId = action.callId;
      if (action.dial) intent.dial = { asked: action.dial.asked, dialled: action.dial.dialled };
      if (action.destination !== undefined) intent.destination = action.destination;
      return startIntent(state, intent);
    }
    case 'intent-settle':
      return settleIntents(state, (i) => i.id === action.id);
    case 'intents-expire':
      return expireIntents(state, now, action.timeoutMs);
    case 'voice': {
      if (action.available) {
        if (!state.voice) return state;
        const { voice: _over, ...rest } = state;
        return rest;
      }
      if (state.voice) return state; // the outage keeps its start
      return { ...state, voice: { reason: action.reason, since: now } };
    }
    case 'alerts-ack': {
      const acked = new Set(action.callIds);
      const alerts = state.alerts.filter((a) => !acked.has(a.callId));
      return alerts.length === state.alerts.length ? state : { ...state, alerts };
    }
  }
  return state;
}

/** `since` is when the current kind began: repeated reconnect attempts keep the outage start. */
function connect(current: ConnectionState, input: ConnectionInput, now: number): ConnectionState {
  if (input.kind === 'loggedOut') return input;
  const since = current.kind === input.kind && 'since' in current ? current.since : now;
  return { ...input, since };
}

/**
 * The session is over: calls and agent data go (they may live on in the switch and come
 * back with the next login's snapshot, so they are not tombstoned), while the alerted ids
 * and tombstones stay so a re-login cannot alert the same ringing call twice.
 */
function loggedOut(state: CallsState): CallsState {
  return {
    ...initialCallsState(state.clock),
    tombstones: state.tombstones,
    alertedIds: state.alertedIds,
  };
}
