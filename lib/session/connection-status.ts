import type { NotificationStatus, NotificationMetaEvent } from '../gws/notifications.ts';
import type { ConnectionInput, ConnectionState } from '../calls/index.ts';
import type { GwsEvent } from '../gws/types.ts';

/** What the session does about a change of the push channel's status. */
export type StatusReaction =
  | { show: ConnectionInput }
  /** The HTTP session is gone: log in again, then reconnect. */
  | { relogin: string }
  | 'ignore';

/** Maps the CometD session status to what the agent is shown, honestly (design.md §1). */
export function reactToStatus(status: NotificationStatus, shown: ConnectionState): StatusReaction {
  switch (status.state) {
    case 'connecting':
      // A reconnect in progress stays "reconnecting" with its attempt count.
      return shown.kind === 'reconnecting' ? 'ignore' : { show: { kind: 'connecting' } };
    case 'connected':
      return { show: { kind: 'connected' } };
    case 'reconnecting':
      return { show: { kind: 'reconnecting', attempt: status.attempt, reason: status.reason } };
    case 'disconnected':
      if (status.reason === 'session') return { relogin: 'session expired' };
      if (status.reason === 'refused') {
        return { show: { kind: 'sessionLost', reason: 'the server closed the session' } };
      }
      return 'ignore';
  }
}

export function summarizeMetaEvent(event: NotificationMetaEvent): string {
  const outcome = event.successful ? 'ok' : `failed${event.error ? ` ${event.error}` : ''}`;
  return `${event.channel} ${outcome}${event.note ? ` (${event.note})` : ''}`;
}

export function summarizeEvent(event: GwsEvent): string {
  if (event.kind === 'call')
    return `${event.notificationType} ${event.call.id} ${event.call.state}`;
  return event.kind;
}
