import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOperation } from '../../lib/session/operations.ts';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ANSWER_BUTTON,
  CallAlerts,
  DECLINE_BUTTON,
  notificationIdFor,
  type CallAlertsSession,
} from '@/lib/background/call-alerts';
import { CONSOLE_WINDOW_KEY } from '@/lib/background/console-window';
import { initialCallsState, reduce, type CallsState } from '@/lib/calls';
import { DiagnosticsLog } from '@/lib/diagnostics/diagnostics-log';
import { parseNotification } from '@/lib/gws/parse';
import type { GwsRestClient } from '@/lib/gws/rest';
import { enrichNumber } from '@/lib/phone/enrich';
import {
  BADGE_ACTIVE_COLOR,
  BADGE_MISSED_COLOR,
  BADGE_RINGING_COLOR,
  badgeFor,
  describeIncomingCall,
} from '@/lib/screen-pop/call-alert-view';
import { sampleCall } from '@/lib/screen-pop/test-rule';
import { SCREEN_POP_SETTINGS_KEY } from '@/lib/settings/screen-pop-rules';
import { loadFixture } from '../fixtures/gws/load.ts';
import { readCatalogue, useCatalogue } from './popup-harness';
import { BackgroundLanguage } from '@/lib/background/background-language';
import { AGENT_SETTINGS_KEY, agentSettings } from '@/lib/settings/agent-settings';
import type { Catalogue } from '@/lib/i18n/catalogue';
import { applyUiLanguage } from '@/lib/i18n/messages';

const WORDS = {
  title: (caller: string) => `Incoming call: ${caller}`,
  to: (dnis: string) => `to ${dnis}`,
  unknown: 'Unknown caller',
};

type Json = Record<string, unknown>;

function apply(
  state: CallsState,
  id: string,
  callState: string,
  capabilities: string[],
  patch: Json = {},
): CallsState {
  const message = loadFixture<{ data: { call: Json } }>('call-ringing-inbound');
  const call = {
    ...message.data.call,
    id,
    state: callState,
    ani: '+442079460958',
    dnis: '8012',
    participants: [{ phoneNumber: '+442079460958' }],
    userData: { Ticket: 'T-1001' },
    capabilities,
    ...patch,
  };
  const event = parseNotification({ ...message, data: { ...message.data, call } });
  if (event.kind === 'unrecognised') throw new Error(event.reason);
  return reduce(state, { type: 'event', event }, state.clock + 1000);
}

/**
 * The session's state is the real store. GWS cannot run in a unit test, so `perform` hands
 * the operation a REST client that only records what it was asked to do; the real path
 * (Answer through the simulator) is covered end to end in screen-pop-chromium.test.ts.
 */
function fakeSession(): CallAlertsSession & { state: CallsState; sent: string[] } {
  const sent: string[] = [];
  const rest = {
    callOperation: async (id: string, operation: string) => void sent.push(`${operation} ${id}`),
  } as unknown as GwsRestClient;
  return {
    state: initialCallsState(0),
    sent,
    diagnostics: new DiagnosticsLog(),
    get calls() {
      return this.state;
    },
    async operate(operation) {
      await runOperation(rest, this.state, operation);
    },
  };
}

describe('incoming-call notification text', () => {
  it('formats the caller, where the number is from, the DNIS and the chosen attached data', () => {
    const call = sampleCall({ ani: '+442079460958', dnis: '8012', userData: { Ticket: 'T-1001' } });
    const text = describeIncomingCall(call, enrichNumber(call.ani!, 'US'), 'Ticket', WORDS);
    expect(text).toEqual({
      title: 'Incoming call: +44 20 7946 0958',
      message: 'London, United Kingdom · to 8012',
      contextMessage: 'Ticket: T-1001',
    });
  });

  it('a known name titles the notification; the number moves to the message', () => {
    const call = sampleCall({ ani: '+442079460958', dnis: '8012' });
    const text = describeIncomingCall(call, enrichNumber(call.ani!, 'US'), '', WORDS, 'Jane Doe');
    expect(text).toEqual({
      title: 'Incoming call: Jane Doe',
      message: '+44 20 7946 0958 · London, United Kingdom · to 8012',
    });
  });

  it('internal numbers as they are; hostile text stays plain text, clipped to one line', () => {
    const call = sampleCall({
      ani: '7002',
      userData: { Note: `<img src=x onerror=alert(1)>\n${'x'.repeat(200)}` },
    });
    const text = describeIncomingCall(call, enrichNumber('7002', 'US'), 'Note', WORDS);
    expect(text.title).toBe('Incoming call: 7002');
    expect(text.message).toBe('');
    expect(text.contextMessage?.startsWith('Note: <img src=x onerror=alert(1)> xxx')).toBe(true);
    expect(text.contextMessage?.length).toBeLessThanOrEqual('Note: '.length + 80);
    expect(describeIncomingCall(sampleCall(), undefined, '', WORDS).title).toBe(
      'Incoming call: Unknown caller',
    );
  });
});

describe('call alerts in the browser (fake browser APIs)', () => {
  // reset() keeps a replaced function: the Firefox test's getURL would outlive it.
  const chromeGetURL = fakeBrowser.runtime.getURL;
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.getURL = chromeGetURL;
    // The browser in English: the words come from the real catalogue.
    useCatalogue('en');
  });
  afterEach(() => applyUiLanguage('browser'));

  it('names the caller from the attached-data key the agent chose', async () => {
    await fakeBrowser.storage.local.set({
      [AGENT_SETTINGS_KEY]: { version: 1, value: { partyNameKey: 'Ticket' } },
    });
    const session = fakeSession();
    const alerts = new CallAlerts(() => session);
    session.state = apply(session.state, 'C1', 'Ringing', ['Answer']);
    alerts.onAlerts(session.state.alerts);
    await alerts.idle();
    expect(fakeBrowser.notifications.getAllCreateOptions()[notificationIdFor('C1')]).toMatchObject({
      title: 'Incoming call: T-1001',
      message: '+44 20 7946 0958 · London, United Kingdom · to 8012',
    });
  });

  it('a ringing call: notification with Answer/Decline and a red badge; answered: cleared, green', async () => {
    await fakeBrowser.storage.local.set({
      [SCREEN_POP_SETTINGS_KEY]: { version: 1, value: { notificationUserDataKey: 'Ticket' } },
    });
    const session = fakeSession();
    const alerts = new CallAlerts(() => session);
    session.state = apply(session.state, 'C1', 'Ringing', ['Answer']);
    alerts.onAlerts(session.state.alerts);
    alerts.onChange(session.state);
    await alerts.idle();

    const shown = fakeBrowser.notifications.getAllCreateOptions();
    expect(Object.keys(shown)).toEqual([notificationIdFor('C1')]);
    expect(shown[notificationIdFor('C1')]).toMatchObject({
      type: 'basic',
      title: 'Incoming call: +44 20 7946 0958',
      contextMessage: 'Ticket: T-1001',
      buttons: [{ title: 'Answer' }, { title: 'Decline' }],
      requireInteraction: true,
    });
    // The fake accepts any icon; Chrome refuses the notification unless the image decodes.
    const icon = String(shown[notificationIdFor('C1')]?.iconUrl);
    const [, base64] = /^data:image\/png;base64,([A-Za-z0-9+/]+=*)$/.exec(icon) ?? [];
    expect(Buffer.from(base64 ?? '', 'base64').subarray(0, 8)).toEqual(
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([197, 34, 31, 255]);

    session.state = apply(session.state, 'C1', 'Established', ['Hangup']);
    alerts.onChange(session.state);
    await alerts.idle();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([19, 115, 51, 255]);
  });

  it('Answer goes through the session; Decline hangs up only when GWS offers Hangup', async () => {
    const session = fakeSession();
    const alerts = new CallAlerts(() => session);
    session.state = apply(session.state, 'C2', 'Ringing', ['Answer']);
    session.state = apply(session.state, 'C3', 'Ringing', ['Answer', 'Hangup']);
    alerts.onAlerts(session.state.alerts);
    await alerts.idle();

    await alerts.onButtonClicked(notificationIdFor('C2'), ANSWER_BUTTON);
    await alerts.onButtonClicked(notificationIdFor('C2'), DECLINE_BUTTON);
    await alerts.onButtonClicked(notificationIdFor('C3'), DECLINE_BUTTON);
    await alerts.onButtonClicked('someone-else', ANSWER_BUTTON);
    expect(session.sent).toEqual(['Answer C2', 'Hangup C3']);
    // Declined alerts are dismissed either way.
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });

  it('a notification a previous worker left is cleared once its call no longer rings', async () => {
    await fakeBrowser.notifications.create(notificationIdFor('OLD'), {
      type: 'basic',
      iconUrl: 'icon.png',
      title: 't',
      message: 'm',
    });
    const session = fakeSession();
    const alerts = new CallAlerts(() => session);
    session.state = apply(session.state, 'C4', 'Ringing', ['Answer']);
    alerts.onAlerts(session.state.alerts);
    alerts.onChange(session.state);
    await alerts.idle();
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([
      notificationIdFor('C4'),
    ]);
  });

  it('without buttons (Firefox) the message carries the attached data and what a click does', async () => {
    await fakeBrowser.storage.local.set({
      [SCREEN_POP_SETTINGS_KEY]: { version: 1, value: { notificationUserDataKey: 'Ticket' } },
    });
    fakeBrowser.runtime.getURL = (path: string) => `moz-extension://fixed-uuid${path}`;
    const session = fakeSession();
    const alerts = new CallAlerts(() => session);
    session.state = apply(session.state, 'C6', 'Ringing', ['Answer']);
    alerts.onAlerts(session.state.alerts);
    await alerts.idle();
    const shown = fakeBrowser.notifications.getAllCreateOptions()[notificationIdFor('C6')];
    expect(shown?.message).toBe(
      'London, United Kingdom · to 8012\nTicket: T-1001\nClick to open the call console.',
    );
    expect(shown).not.toHaveProperty('buttons');
    expect(shown).not.toHaveProperty('contextMessage');
  });

  it('a click on the notification brings one console window to the front', async () => {
    const session = fakeSession();
    const alerts = new CallAlerts(() => session);
    const windowsBefore = (await fakeBrowser.windows.getAll()).length;
    await alerts.onClicked('someone-else');
    expect(await fakeBrowser.windows.getAll()).toHaveLength(windowsBefore);

    await alerts.onClicked(notificationIdFor('C7'));
    const opened = (await fakeBrowser.windows.getAll()).slice(windowsBefore);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ type: 'popup', width: 400, height: 640 });
    expect(opened[0]!.focused).toBe(true);
    expect(await fakeBrowser.storage.session.get(CONSOLE_WINDOW_KEY)).toEqual({
      [CONSOLE_WINDOW_KEY]: opened[0]!.id,
    });

    // Again: the same console (focused; the fake does not track focus changes).
    await alerts.onClicked(notificationIdFor('C7'));
    expect(await fakeBrowser.windows.getAll()).toHaveLength(windowsBefore + 1);

    // Closed by the agent: the next click opens a new one.
    await fakeBrowser.windows.remove(opened[0]!.id!);
    await alerts.onClicked(notificationIdFor('C7'));
    const now = (await fakeBrowser.windows.getAll()).slice(windowsBefore);
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(opened[0]!.id);
  });

  it('the notification speaks the language the agent chose, and follows a change of it', async () => {
    await fakeBrowser.storage.local.set({
      [SCREEN_POP_SETTINGS_KEY]: { version: 1, value: { notificationUserDataKey: 'Ticket' } },
      // The browser is in English; the agent chose French in the options page.
      [AGENT_SETTINGS_KEY]: { version: 1, value: { language: 'fr' } },
    });
    const language = new BackgroundLanguage({ load: async (l) => readCatalogue(l) as Catalogue });
    void language.start();
    const session = fakeSession();
    // Woken by the ringing call: the words wait for the language.
    const alerts = new CallAlerts(
      () => session,
      () => language.ready(),
    );
    session.state = apply(session.state, 'F1', 'Ringing', ['Answer']);
    alerts.onAlerts(session.state.alerts);
    await alerts.idle();
    expect(fakeBrowser.notifications.getAllCreateOptions()[notificationIdFor('F1')]).toMatchObject({
      title: 'Appel entrant : +44 20 7946 0958',
      message: 'London, Royaume-Uni · vers 8012',
      buttons: [{ title: 'Répondre' }, { title: 'Refuser' }],
    });

    await agentSettings.update((current) => ({ ...current, language: 'en' }));
    await language.ready();
    await fakeBrowser.notifications.clear(notificationIdFor('F1'));
    alerts.onAlerts(session.state.alerts);
    await alerts.idle();
    expect(fakeBrowser.notifications.getAllCreateOptions()[notificationIdFor('F1')]).toMatchObject({
      title: 'Incoming call: +44 20 7946 0958',
      message: 'London, United Kingdom · to 8012',
      buttons: [{ title: 'Answer' }, { title: 'Decline' }],
    });
  });

  it('notifications can be turned off', async () => {
    await fakeBrowser.storage.local.set({
      [SCREEN_POP_SETTINGS_KEY]: { version: 1, value: { notifications: false } },
    });
    const session = fakeSession();
    const alerts = new CallAlerts(() => session);
    session.state = apply(session.state, 'C5', 'Ringing', ['Answer']);
    alerts.onAlerts(session.state.alerts);
    await alerts.idle();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });
});

describe('badge', () => {
  it('counts live calls; red while any rings, green otherwise, empty with none', () => {
    let state = initialCallsState(0);
    expect(badgeFor(state)).toMatchObject({ text: '', ringing: false });
    state = apply(state, 'A', 'Established', ['Hangup']);
    expect(badgeFor(state)).toEqual({ text: '1', color: BADGE_ACTIVE_COLOR, ringing: false });
    state = apply(state, 'B', 'Ringing', ['Answer']);
    expect(badgeFor(state)).toEqual({ text: '2', color: BADGE_RINGING_COLOR, ringing: true });
  });

  it("counts the agent's own calls only: a supervisor's monitoring call is not one", () => {
    let state = apply(initialCallsState(0), 'M', 'Established', ['Hangup', 'SwitchToCoach'], {
      monitoring: true,
    });
    expect(badgeFor(state)).toMatchObject({ text: '', ringing: false });
    expect(badgeFor(state, 2)).toEqual({ text: '2', color: BADGE_MISSED_COLOR, ringing: false });
    // Without `monitoring` (absent in some samples), the SwitchTo* offers mark it (§4.9).
    state = apply(state, 'R', 'Ringing', ['Answer', 'SwitchToBargeIn'], { monitoring: undefined });
    expect(badgeFor(state)).toMatchObject({ text: '', ringing: false });
    state = apply(state, 'A', 'Established', ['Hangup']);
    expect(badgeFor(state)).toEqual({ text: '1', color: BADGE_ACTIVE_COLOR, ringing: false });
  });
});
