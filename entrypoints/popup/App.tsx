import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isPending, selectAgentStatus, type CallsView } from '@/lib/calls';
import type { LoginRequest, PopupCallRequest } from '@/lib/messaging/protocol';
import { sendCommand, subscribeToState } from '@/lib/messaging/client';
import type { CommandSender } from '@/lib/ui/commands';
import { connectViewStore, createViewStore, type StateSource } from '@/lib/ui/view-store';
import { describeError, type ErrorText } from '@/lib/errors/describe-error';
import { PAGE_ERROR_WORDS } from '@/lib/ui/error-text';
import { requestServerAccess } from '@/lib/ui/server-access';
import { CommandError } from '@/lib/messaging/errors';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { failedOperationKey } from '@/lib/i18n/keys';
import { groupCalls } from '@/lib/ui/call-view';
import type { PartyNaming } from '@/lib/calls';
import { callDegradation, OUTAGE_ERROR_CODES } from '@/lib/ui/degraded';
import { storageRecentNumbers, type RecentNumbers } from '@/lib/ui/recent-numbers';
import {
  DEFAULT_SERVER_URL,
  saveLoginDefaults,
  type LoginDefaults,
} from '@/lib/settings/login-defaults';
import { loadSignInDefaults } from '@/lib/settings/sign-in-defaults';
import { ConnectionBanner } from '@/components/ConnectionBanner';
import { LoginForm } from '@/components/LoginForm';
import { LiveRegion } from '@/components/LiveRegion';
import { ErrorNotice } from '@/components/ErrorNotice';
import { AgentPanel } from '@/components/AgentPanel';
import { CallList } from '@/components/CallList';
import { Dialpad } from '@/components/Dialpad';

export interface AppProps {
  /** Sends intents to the background (`sendCommand`; tests inject their own). */
  send?: CommandSender;
  /** Delivers the background's state pushes (`subscribeToState`). */
  source?: StateSource;
  clock?: () => number;
  recentNumbers?: RecentNumbers;
  loginDefaults?: () => Promise<LoginDefaults>;
  /** Asks the browser for access to the GWS origin (`permissions.request`). */
  requestAccess?: (serverUrl: string) => Promise<boolean>;
  /** How call parties are named (the agent's attached-data key, from the settings). */
  partyNaming?: PartyNaming;
}

interface Failure {
  action: string;
  error: ErrorText;
  /** It failed because of an outage: gone once the outage is over. */
  outage: boolean;
}

/**
 * The popup: renders the pushed state and turns clicks into commands. It never changes what
 * it shows from a command's answer, only from the next push (design.md §1); a failed
 * command is explained in words.
 */
export function App(props: AppProps) {
  const send = props.send ?? sendCommand;
  const requestAccess = props.requestAccess ?? requestServerAccess;
  const clock = props.clock ?? Date.now;
  const recentNumbers = props.recentNumbers ?? storageRecentNumbers;
  const store = useMemo(() => createViewStore(clock, props.partyNaming), []);
  useEffect(() => connectViewStore(store, props.source ?? subscribeToState, clock), []);

  const [defaults, setDefaults] = useState<LoginDefaults>({
    serverUrl: DEFAULT_SERVER_URL,
    username: '',
  });
  const [defaultsLoaded, setDefaultsLoaded] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);
  const [loginPending, setLoginPending] = useState(false);
  const [loginError, setLoginError] = useState<ErrorText | undefined>(undefined);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [dismissedErrorAt, setDismissedErrorAt] = useState<number | undefined>(undefined);

  useEffect(() => {
    (props.loginDefaults ?? loadSignInDefaults)()
      .then(setDefaults, () => undefined)
      .finally(() => setDefaultsLoaded(true));
    recentNumbers.load().then(setRecent, () => undefined);
  }, []);

  const view = store.view.value;
  const now = store.now.value;
  const announcement = store.announcement.value;

  // Opening the popup on a ringing call puts the keyboard on Answer: Enter answers.
  const firstFocusDone = useRef(false);
  useEffect(() => {
    if (!view || firstFocusDone.current) return;
    firstFocusDone.current = true;
    document.querySelector<HTMLButtonElement>('.state-ringing .btn-success')?.focus();
  }, [view]);

  const degraded = view ? callDegradation(view.calls) : undefined;
  // When an outage ends, what failed because of it no longer stands ("Could not hang up…"
  // above a call list the recovery already emptied).
  useEffect(() => {
    if (!degraded) setFailure((f) => (f?.outage ? undefined : f));
  }, [degraded?.kind]);

  /** Runs a command; its failure is shown with what the agent was trying to do. */
  const run = (failedKey: MessageKey, task: () => Promise<unknown>, local?: string) => {
    setFailure(undefined);
    if (local) setBusy((b) => new Set(b).add(local));
    task()
      .catch((error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        setFailure({
          action: t(failedKey),
          error: describeError(error, PAGE_ERROR_WORDS),
          outage: typeof code === 'string' && OUTAGE_ERROR_CODES.has(code),
        });
      })
      .finally(() => {
        if (local)
          setBusy((b) => {
            const next = new Set(b);
            next.delete(local);
            return next;
          });
      });
  };

  if (!view) {
    return (
      <main class="popup">
        <LiveRegion announcement={announcement} />
        <p class="muted loading" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }

  const calls: CallsView = view.calls;
  const connection = calls.connection;
  const signedOut = connection.kind === 'loggedOut' || connection.kind === 'error';

  const login = (request: LoginRequest) => {
    setLoginPending(true);
    setLoginError(undefined);
    // The form is unmounted while connecting; a failed attempt brings back what was typed.
    setDefaults((d) => ({ ...d, serverUrl: request.serverUrl, username: request.username }));
    requestAccess(request.serverUrl)
      .then((granted) => {
        if (!granted) {
          throw new CommandError({
            name: 'PermissionDenied',
            message: request.serverUrl,
            code: 'server-access-denied',
          });
        }
        return send('session.login', request);
      })
      .then(() => saveLoginDefaults({ serverUrl: request.serverUrl, username: request.username }))
      .catch((error: unknown) => setLoginError(describeError(error, PAGE_ERROR_WORDS)))
      .finally(() => setLoginPending(false));
  };

  const operate = (callId: string, request: PopupCallRequest) =>
    run(failedOperationKey(request.operation), () =>
      send('call.operation', { callId, ...request }),
    );

  const dial = (number: string) =>
    run('failed_Dial', async () => {
      await send('call.dial', { phoneNumber: number });
      setRecent(await recentNumbers.add(number));
    });

  const status = selectAgentStatus(calls);
  const groups = groupCalls(calls);
  // An asynchronous error about a call that has since ended was resolved by its end.
  const lastError = calls.lastError;
  const asyncError =
    lastError &&
    lastError.at !== dismissedErrorAt &&
    (lastError.callId === undefined || calls.calls.some((r) => r.call.id === lastError.callId))
      ? lastError
      : undefined;
  const ringing = groups.some(
    (g) => g.main.call.state === 'Ringing' || g.consults.some((c) => c.call.state === 'Ringing'),
  );

  return (
    <main class="popup">
      <LiveRegion announcement={announcement} />
      <header class="top">
        <h1 class="app-title">{t('appName')}</h1>
        {!signedOut ? <AgentIdentity calls={calls} /> : null}
      </header>
      {!(connection.kind === 'error' && loginError) ? (
        <ConnectionBanner
          connection={connection}
          {...(calls.voice ? { voice: calls.voice } : {})}
          now={now}
          {...(view.username ? { username: view.username } : {})}
          {...(view.serverUrl ? { serverUrl: view.serverUrl } : {})}
          retryPending={busy.has('retry')}
          signOutPending={busy.has('signOut')}
          onRetry={() => run('failed_retry', () => send('session.retry'), 'retry')}
          onSignOut={() => run('failed_signOut', () => send('session.logout'), 'signOut')}
        />
      ) : null}
      {failure ? (
        <ErrorNotice
          action={failure.action}
          error={failure.error}
          onDismiss={() => setFailure(undefined)}
        />
      ) : null}
      {signedOut ? (
        defaultsLoaded ? (
          <LoginForm
            defaults={defaults}
            pending={loginPending}
            onSubmit={login}
            {...(loginError ? { error: loginError } : {})}
          />
        ) : null
      ) : (
        <>
          <AgentPanel
            calls={calls}
            status={status}
            now={now}
            onState={(operationName) =>
              run('failed_agentState', () => send('agent.setState', { operationName }))
            }
            onDoNotDisturb={(on) =>
              run('failed_doNotDisturb', () => send('device.doNotDisturb', { on }))
            }
            onForward={(destination) =>
              run('failed_forward', () => send('device.forward', { destination }))
            }
          />
          {asyncError ? (
            <ErrorNotice
              action={t('asyncErrorAction')}
              error={{
                summary: asyncError.errorMessage ?? t('errorUnknown'),
                ...(asyncError.errorCode ? { detail: t('errorCode', asyncError.errorCode) } : {}),
              }}
              onDismiss={() => setDismissedErrorAt(asyncError.at)}
            />
          ) : null}
          <section class="calls" aria-labelledby="calls-title">
            <h2 id="calls-title" class="section-title">
              {t('callsTitle')}
            </h2>
            <CallList
              groups={groups}
              now={now}
              isPending={(op, callId) => isPending(calls, op, callId)}
              onOperation={operate}
              naming={store.naming}
              {...(degraded ? { degraded } : {})}
            />
          </section>
          <Dialpad
            pending={isPending(calls, 'Dial')}
            recent={recent}
            onDial={dial}
            autoFocus={!ringing}
          />
        </>
      )}
    </main>
  );
}

function AgentIdentity({ calls }: { calls: CallsView }) {
  const user = calls.agent.user;
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(' ') || user?.userName;
  const dn = calls.agent.devices.find((d) => d.device.deviceState === 'Active')?.device.phoneNumber;
  if (!name && !dn) return null;
  return (
    <p class="agent-identity">
      {name ? <span class="agent-name">{name}</span> : null}
      {dn ? <span class="agent-dn">{t('agentExtension', dn)}</span> : null}
    </p>
  );
}
