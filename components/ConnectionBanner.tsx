import type { ConnectionState, VoiceOutage } from '@/lib/calls';
import { t } from '@/lib/i18n/messages';
import { formatDuration } from '@/lib/ui/format';
import { PendingButton } from './PendingButton';

interface Props {
  connection: ConnectionState;
  /** Set while GWS says its voice service is down (the push channel may still be up). */
  voice?: VoiceOutage;
  now: number;
  username?: string;
  serverUrl?: string;
  onRetry: () => void;
  onSignOut: () => void;
  retryPending?: boolean;
  signOutPending?: boolean;
}

type Tone = 'ok' | 'busy' | 'warn' | 'bad' | 'off';

function describe(
  connection: ConnectionState,
  voice: VoiceOutage | undefined,
  now: number,
): { text: string; tone: Tone } {
  switch (connection.kind) {
    case 'connected':
      return voice
        ? { text: t('connectionVoiceUnavailable'), tone: 'bad' }
        : { text: t('connectionConnected'), tone: 'ok' };
    case 'connecting':
      return { text: t('connectionConnecting'), tone: 'busy' };
    case 'reconnecting':
      return {
        text: t('connectionReconnecting', [
          connection.attempt,
          connection.reason,
          formatDuration(now - connection.since),
        ]),
        tone: 'warn',
      };
    case 'sessionLost':
      return { text: t('connectionSessionLost', connection.reason), tone: 'bad' };
    case 'error':
      return { text: t('connectionError', connection.reason), tone: 'bad' };
    case 'loggedOut':
      return { text: t('connectionLoggedOut'), tone: 'off' };
  }
}

/** Where the session stands, who is signed in, and what the agent can do about it. */
export function ConnectionBanner(props: Props) {
  const { connection } = props;
  const { text, tone } = describe(connection, props.voice, props.now);
  const canRetry = connection.kind === 'reconnecting' || connection.kind === 'sessionLost';
  const signedIn = connection.kind !== 'loggedOut' && connection.kind !== 'error';
  return (
    <div class={`connection connection-${tone}`}>
      <p class="connection-status">
        <span class="status-dot" aria-hidden="true" />
        <span>{text}</span>
      </p>
      {signedIn && props.username ? (
        <p class="connection-who">
          {props.serverUrl
            ? t('signedInAsAt', [props.username, props.serverUrl])
            : t('signedInAs', props.username)}
        </p>
      ) : null}
      {signedIn ? (
        <div class="connection-actions">
          {canRetry ? (
            <PendingButton
              label={t('retry')}
              icon="↻"
              pending={props.retryPending}
              onClick={props.onRetry}
            />
          ) : null}
          <PendingButton
            label={t('signOut')}
            pending={props.signOutPending}
            onClick={props.onSignOut}
          />
        </div>
      ) : null}
    </div>
  );
}
