import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  isMonitoringCall,
  isPending,
  selectAgentStatus,
  selectPrimaryDevice,
  type CallsView,
} from '@/lib/calls';
import type { LoginRequest, PopupCallRequest } from '@/lib/messaging/protocol';
import { sendCommand, subscribeToState } from '@/lib/messaging/client';
import type { CommandSender } from '@/lib/ui/commands';
import { connectViewStore, createViewStore, type StateSource } from '@/lib/ui/view-store';
import { DirectoryContext, type DirectoryData } from '@/components/DirectoryContext';
import { createDirectoryView, type DirectoryView } from '@/lib/ui/directory-view';
import { describeError, type ErrorText } from '@/lib/errors/describe-error';
import { PAGE_ERROR_WORDS } from '@/lib/ui/error-text';
import { requestServerAccess } from '@/lib/ui/server-access';
import { CommandError } from '@/lib/messaging/errors';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { failedOperationKey } from '@/lib/i18n/keys';
import { groupCalls } from '@/lib/ui/call-view';
import type { PartyNaming } from '@/lib/calls';
import { callDegradation, OUTAGE_ERROR_CODES } from '@/lib/ui/degraded';
import {
  DEFAULT_SERVER_URL,
  saveLoginDefaults,
  type LoginDefaults,
} from '@/lib/settings/login-defaults';
import { loadSignInDefaults } from '@/lib/settings/sign-in-defaults';
import { loadDialRulesInForce } from '@/lib/settings/dial-plan-settings';
import type { DialRule } from '@/lib/dial-plan/types';
import { dialPreview } from '@/lib/ui/dial-plan-view';
import { agentRegion } from '@/lib/settings/agent-region';
import {
  AWAY_RECORD_KEY,
  decodeAwayRecord,
  type AwayRecord,
} from '@/lib/auto-not-ready/away-record';
import { awayNoteText } from '@/lib/ui/agent-state-view';
import { ConnectionBanner } from '@/components/ConnectionBanner';
import { LoginForm } from '@/components/LoginForm';
import { LiveRegion } from '@/components/LiveRegion';
import { ErrorNotice } from '@/components/ErrorNotice';
import { AgentPanel } from '@/components/AgentPanel';
import { SupervisorPanel } from '@/components/SupervisorPanel';
import { listedAgentByDevice, supervisorPanelView, targetDeviceOf } from '@/lib/ui/monitoring-view';
import type { DeviceOperationRequest } from '@/lib/gws/device-operations';
import { deviceApiBase } from '@/lib/gws/api-base';
import { CallList } from '@/components/CallList';
import { Dialpad } from '@/components/Dialpad';
import { CallHistoryList } from '@/components/CallHistoryList';
import { NextStatePicker, WrapUpPanel } from '@/components/WrapUpPanel';
import { watchStored } from '@/lib/ui/stored-value';
import {
  CALL_HISTORY_KEY,
  agentKey,
  decodeBook,
  emptyBook,
  historyOf,
  unseenMissed,
  type CallHistoryBook,
} from '@/lib/history/call-history-book';
import {
  WRAP_UP_STATE_KEY,
  decodeWrapUpState,
  emptyWrapUpState,
  type WrapUpState,
} from '@/lib/wrap-up/wrap-up-state';

export interface AppProps {
  /** Sends intents to the background (`sendCommand`; tests inject their own). */
  send?: CommandSender;
  /** Delivers the background's state pushes (`subscribeToState`). */
  source?: StateSource;
  clock?: () => number;
  loginDefaults?: () => Promise<LoginDefaults>;
  /** Asks the browser for access to the GWS origin (`permissions.request`). */
  requestAccess?: (serverUrl: string) => Promise<boolean>;
  /** How call parties are named (the agent's attached-data key, from the settings). */
  partyNaming?: PartyNaming;
  /** The dial-plan rules in force, to show what a number will dial as. */
  dialRules?: () => Promise<DialRule[]>;
  /** The transfer and dial directory (`createDirectoryView`; tests may give their own). */
  directory?: DirectoryView;
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
  const directory = useMemo(() => props.directory ?? createDirectoryView(), []);
  useEffect(() => () => directory.stop(), []);
  // Internal parties are named from the directory: a colleague's DN reads as the colleague.
  const store = useMemo(
    () => createViewStore(clock, { ...props.partyNaming, resolveName: directory.resolveName }),
    [],
  );
  useEffect(() => connectViewStore(store, props.source ?? subscribeToState, clock), []);

  const [defaults, setDefaults] = useState<LoginDefaults>({
    serverUrl: DEFAULT_SERVER_URL,
    username: '',
  });
  const [defaultsLoaded, setDefaultsLoaded] = useState(false);
  const [loginPending, setLoginPending] = useState(false);
  const [loginError, setLoginError] = useState<ErrorText | undefined>(undefined);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [dismissedErrorAt, setDismissedErrorAt] = useState<number | undefined>(undefined);
  const [book, setBook] = useState<CallHistoryBook>(emptyBook());
  const [wrapUp, setWrapUp] = useState<WrapUpState>(emptyWrapUpState());
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [dialRules, setDialRules] = useState<readonly DialRule[]>([]);
  const [away, setAway] = useState<AwayRecord | undefined>(undefined);
  // The history and the wrap-up are kept by the background in extension storage.
  useEffect(() => {
    const stopHistory = watchStored('local', CALL_HISTORY_KEY, (raw) => setBook(decodeBook(raw)));
    const stopWrapUp = watchStored('session', WRAP_UP_STATE_KEY, (raw) =>
      setWrapUp(decodeWrapUpState(raw)),
    );
    // Set when the background made the agent Not Ready by itself (workstation locked, idle).
    const stopAway = watchStored('session', AWAY_RECORD_KEY, (raw) =>
      setAway(decodeAwayRecord(raw)),
    );
    return () => {
      stopAway();
      stopHistory();
      stopWrapUp();
    };
  }, []);

  useEffect(() => {
    (props.loginDefaults ?? loadSignInDefaults)()
      .then(setDefaults, () => undefined)
      .finally(() => setDefaultsLoaded(true));
    (props.dialRules ?? loadDialRulesInForce)().then(setDialRules, () => undefined);
  }, []);

  const view = store.view.value;
  const now = store.now.value;
  const announcement = store.announcement.value;

  // A call that starts ringing (or rings when the popup opens) puts the keyboard on its
  // Answer button: Enter answers.
  const ringingSeen = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!view) return;
    const ringingIds = view.calls.calls
      .filter((r) => r.call.state === 'Ringing')
      .map((r) => r.call.id);
    const fresh = ringingIds.find((id) => !ringingSeen.current.has(id));
    ringingSeen.current = new Set(ringingIds);
    if (fresh === undefined) return;
    const card = [...document.querySelectorAll<HTMLElement>('.call-card')].find(
      (c) => c.dataset.callId === fresh,
    );
    card?.querySelector<HTMLButtonElement>('.btn-success')?.focus();
  }, [view]);

  const degraded = view ? callDegradation(view.calls) : undefined;
  // When an outage ends, what failed because of it no longer stands ("Could not hang up…"
  // above a call list the recovery already emptied).
  useEffect(() => {
    if (!degraded) setFailure((f) => (f?.outage ? undefined : f));
  }, [degraded?.kind]);
  const agent = view?.username && view.serverUrl ? agentKey(view.username, view.serverUrl) : '';
  const history = historyOf(book, agent);
  const missedUnseen = agent ? unseenMissed(history) : 0;
  // The popup shows the history: its missed calls have been seen, the badge lets go.
  useEffect(() => {
    if (missedUnseen > 0) send('history.seen').catch(() => undefined);
  }, [missedUnseen, agent]);

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

  // The background records destinations dialled, transferred or conferenced to as recent
  // ones (lib/background/recent-destinations.ts), whichever view asked.
  const operate = (callId: string, request: PopupCallRequest) =>
    run(failedOperationKey(request.operation), () =>
      send('call.operation', { callId, ...request }),
    );

  const choose = (callId: string, choice: { code?: string; notes?: string }) =>
    run('failed_wrapUpChoose', () => send('wrapUp.choose', { callId, ...choice }));

  const dial = (number: string) =>
    run('failed_Dial', () => send('call.dial', { phoneNumber: number }));

  const agentStatus = selectAgentStatus(calls);
  const device = selectPrimaryDevice(calls)?.device;
  // The monitored agent is named by device from the agents GWS lists.
  const listed = directory.agents.value;
  const agentByDevice = listedAgentByDevice(listed.agent === agent ? listed.agents : []);
  const supervisor = supervisorPanelView(
    device,
    calls.calls.map((r) => r.call),
    agentByDevice,
    store.naming,
  );
  const operateDevice = (request: DeviceOperationRequest) =>
    run(failedOperationKey(request.operation), () => send('device.operation', request));
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

  const dialsAs = (number: string) => dialPreview(dialRules, number, agentRegion());
  const directoryData: DirectoryData = {
    entries: directory.entries(agent),
    agentStatus: directory.agents.value.status,
    refresh: directory.refresh,
    dialsAs,
  };

  return (
    <DirectoryContext.Provider value={directoryData}>
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
              status={agentStatus}
              now={now}
              note={
                away && agentStatus.userState?.state === 'NotReady' ? awayNoteText(away) : undefined
              }
              onState={(operationName) =>
                run('failed_agentState', () => send('agent.setState', { operationName }))
              }
              onDoNotDisturb={(on) =>
                operateDevice({ operation: on ? 'DoNotDisturbOn' : 'DoNotDisturbOff' })
              }
              onForward={(destination) =>
                operateDevice(
                  destination
                    ? { operation: 'ForwardCallsOn', params: { destination } }
                    : { operation: 'ForwardCallsOff' },
                )
              }
            />
            {supervisor ? (
              <SupervisorPanel
                view={supervisor}
                targetDevice={(entered, agents) =>
                  targetDeviceOf(
                    entered,
                    agents,
                    deviceApiBase(device?.voiceEnvironmentUri, view.serverUrl),
                  )
                }
                isPending={(op) => isPending(calls, op)}
                onOperation={operateDevice}
              />
            ) : null}
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
                {...(wrapUp.dispositions.length > 0
                  ? {
                      disposition: (record) => ({
                        dispositions: wrapUp.dispositions,
                        value:
                          wrapUp.chosen[record.call.id]?.code ??
                          textOf(record.call.userData[wrapUp.dispositionKey]),
                        required: wrapUp.required,
                        onChoose: (code) => choose(record.call.id, { code }),
                      }),
                    }
                  : {})}
                readOnlyKeys={wrapUp.readOnlyKeys}
                {...(device ? { device } : {})}
                agentByDevice={agentByDevice}
              />
              {/* Monitoring moves no agent state after it (lib/background/wrap-up.ts). */}
              {calls.calls.some((r) => !isMonitoringCall(r.call)) ? (
                <NextStatePicker
                  states={calls.agent.agentStates}
                  value={wrapUp.nextState}
                  onChoose={(operationName) =>
                    run('failed_nextState', () => send('wrapUp.nextState', { operationName }))
                  }
                />
              ) : null}
            </section>
            <WrapUpPanel
              state={wrapUp}
              now={now}
              onChoose={choose}
              onDone={(callId) => run('failed_wrapUpDone', () => send('wrapUp.done', { callId }))}
            />
            <Dialpad
              pending={isPending(calls, 'Dial')}
              onDial={dial}
              preview={dialsAs}
              autoFocus={!ringing && wrapUp.pending.length === 0}
            />
            {status ? (
              <p class="muted" role="status">
                {status}
              </p>
            ) : null}
            <CallHistoryList
              entries={history.entries}
              seenAt={history.seenAt}
              canDial={connection.kind === 'connected'}
              onRedial={dial}
              onPopAgain={(callId) =>
                run('failed_popAgain', async () => {
                  const { opened } = await send('history.popAgain', { callId });
                  setStatus(opened ? undefined : t('historyNoCrmPage'));
                })
              }
              onCopy={(number) =>
                run('failed_copy', async () => {
                  await navigator.clipboard.writeText(number);
                  setStatus(t('historyCopied'));
                })
              }
            />
          </>
        )}
      </main>
    </DirectoryContext.Provider>
  );
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
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
