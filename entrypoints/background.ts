import browser from 'webextension-polyfill';
import { GwsSession } from '@/lib/session/gws-session';
import { createCommandRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/sender';
import { createCommandHandlers } from '@/lib/background/command-handlers';
import { KeepAlive } from '@/lib/background/keep-alive';
import { ViewPorts } from '@/lib/background/view-ports';
import { callTraffic } from '@/lib/background/call-traffic';
import { storageSessionPersistence } from '@/lib/background/storage-session-persistence';
import { startupCredentials } from '@/lib/background/settings-startup';
import { listenToKeyboardCommands } from '@/lib/background/keyboard-commands';
import { ScreenPop } from '@/lib/background/screen-pop';
import { CallAlerts } from '@/lib/background/call-alerts';
import { browserRingOutput, RingTone } from '@/lib/background/ring-tone';
import { startPageIntegration } from '@/lib/background/page-integration';
import type { PageLivePush } from '@/lib/background/page-live-push';
import { BackgroundLanguage } from '@/lib/background/background-language';
import { keepNoResourceTimings } from '@/lib/background/resource-timings';
import { CallHistory } from '@/lib/background/call-history';
import { CallLog } from '@/lib/background/call-log';
import { WrapUp } from '@/lib/background/wrap-up';
import { createWrapUpHooks } from '@/lib/background/wrap-up-commands';
import { DialPlanInForce } from '@/lib/background/dial-plan-in-force';
import { AutoNotReady } from '@/lib/background/auto-not-ready';
import { Directory } from '@/lib/background/directory';
import { RecentDestinations } from '@/lib/background/recent-destinations';

export default defineBackground(() => {
  keepNoResourceTimings();
  const keepAlive = new KeepAlive();
  let views: ViewPorts | undefined;
  let livePages: PageLivePush | undefined;
  // Notifications and menus in the language the agent chose, which may differ from the
  // browser's (the one `_locales` would otherwise follow).
  const language = new BackgroundLanguage({
    onChange: () => pages.menu.retitle(),
    onError: (error) => session.diagnostics.record('error', 'language not applied', String(error)),
  });
  const directory = new Directory({
    session: () => session,
    diagnostics: () => session.diagnostics,
  });
  const recent = new RecentDestinations({ diagnostics: () => session.diagnostics });
  const screenPop = new ScreenPop(() => session);
  const callAlerts = new CallAlerts(
    () => session,
    () => language.ready(),
    directory.resolveName,
  );
  const ringTone = new RingTone(browserRingOutput(), () => session.diagnostics);
  const history = new CallHistory({
    diagnostics: () => session.diagnostics,
    onMissed: (count) => callAlerts.setMissed(count),
    resolveName: directory.resolveName,
  });
  const callLog = new CallLog({ diagnostics: () => session.diagnostics });
  const wrapUp = new WrapUp({
    session: () => session,
    history,
    callLog,
    resolveName: directory.resolveName,
  });
  const dialPlan = new DialPlanInForce();
  const away = new AutoNotReady({ session: () => session });
  const session: GwsSession = new GwsSession({
    persistence: storageSessionPersistence(),
    // Page detection waits while an answer of GWS is on its way to the views.
    traffic: callTraffic,
    // The store says what changed: views hear of what they render, the call consumers of
    // calls, and none of them compares states again to find out.
    onChange: (change) => {
      if (change.view) views?.changed();
      // Who is signed in and whether the session is up decide whose history and which
      // server catalogue apply; ended calls decide what is recorded.
      if (change.calls || change.connection) {
        const view = session.view;
        directory.onChange(view);
        recent.onChange(view);
        history.onChange(view);
        wrapUp.onChange(view);
      }
      // Agent state, calls and connection all decide automatic Not Ready.
      away.onChange();
      if (!change.calls) return;
      const calls = session.calls;
      screenPop.onChange(calls);
      callAlerts.onChange(calls);
      ringTone.onChange(calls);
      livePages?.onChange();
    },
    onAlerts: (alerts) => {
      screenPop.onAlerts(alerts);
      callAlerts.onAlerts(alerts);
    },
    onActiveChange: (active) => (active ? keepAlive.start() : keepAlive.stop()),
    // Every number any view, page, menu or shortcut dials passes here (lib/dial-plan/).
    dialPlan: () => dialPlan.current(),
    // Whichever view, page, menu or shortcut asked: the destination becomes a recent one.
    onAccepted: (operation) => recent.accepted(session.view, operation),
  });
  views = new ViewPorts(() => session.view, callTraffic);

  // Listeners are registered synchronously at top level so that the event that woke the
  // worker is delivered to them.
  const hooks = createWrapUpHooks({ history, wrapUp, screenPop });
  const route = createCommandRouter(
    createCommandHandlers(session, undefined, hooks, directory),
    (sender) => classifySender(sender, browser.runtime.id, browser.runtime.getURL('')),
  );
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
    route(message, sender),
  );
  views.listen();
  dialPlan.listen();
  away.listen();
  directory.start();
  listenToKeyboardCommands(() => session);
  callAlerts.listen();
  ringTone.listen();
  screenPop.start();
  wrapUp.start();
  callLog.start();
  const pages = startPageIntegration(
    () => session,
    () => language.ready(),
    directory.resolveName,
  );
  livePages = pages.live;
  void language.start();
  // The watchdog alarm's only job is to wake a stopped worker, which resumes the session
  // below; Chrome starts the worker only for events that have a listener.
  browser.alarms.onAlarm.addListener(() => undefined);

  const ready = start(session);
  void ready.finally(() => {
    void away.start();
    ringTone.resume(session.calls);
  });
  // Test and diagnostics hook: lets an automated browser wait for the resumed session.
  (globalThis as { gwsCti?: unknown }).gwsCti = {
    session,
    ready,
    screenPop,
    callAlerts,
    ringTone,
    pages,
    language,
    history,
    wrapUp,
    callLog,
    // Headless Chromium cannot be made idle or locked, nor `idle.onStateChanged` dispatched
    // from script: the end-to-end test hands `away.onIdleState` what the browser would report.
    away,
    directory,
    recent,
  };
});

/**
 * Every worker start: resume the session persisted in storage.session (a worker restart),
 * else sign in with policy-managed or remembered credentials (a browser start), as policy and
 * the agent's settings allow.
 */
async function start(session: GwsSession): Promise<void> {
  if (await session.resume()) return;
  const credentials = await startupCredentials();
  if (!credentials) return;
  await session.login(credentials).catch((error: unknown) => {
    session.diagnostics.record('error', 'automatic sign-in failed', String(error));
  });
}
