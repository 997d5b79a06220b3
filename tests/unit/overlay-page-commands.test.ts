import { describe, expect, it } from 'vitest';
import { runOperation } from '../../lib/session/operations.ts';
import { initialCallsState, reduce, type CallsState } from '../../lib/calls/index.ts';
import { createCommandHandlers } from '../../lib/background/command-handlers.ts';
import { createPageCommandHandlers, type PageSession } from '../../lib/background/page-commands.ts';
import { checkPageOperation, pageLookup } from '../../lib/background/page-live-calls.ts';
import { activePatterns, siteVerdict, type SiteLists } from '../../lib/background/page-sites.ts';
import { createCommandRouter } from '../../lib/messaging/router.ts';
import { classifySender } from '../../lib/messaging/sender.ts';
import { MESSAGE_CHANNEL } from '../../lib/messaging/protocol.ts';
import { PAGE_SETTINGS_KEYS } from '../../lib/messaging/page-messages.ts';
import { OVERLAY_SETTINGS_KEY } from '../../lib/settings/overlay-settings.ts';
import { AGENT_SETTINGS_KEY } from '../../lib/settings/agent-settings.ts';
import type { GwsSession } from '../../lib/session/gws-session.ts';
import { callEvent, deviceEvent } from '../fixtures/gws/builders.ts';
import { overlayWordsFor } from '../../lib/background/background-language.ts';
import { OVERLAY_MESSAGE_KEYS } from '../../lib/i18n/overlay-messages.ts';
import type { UiLanguage } from '../../lib/settings/agent-settings.ts';
import type { Catalogue } from '../../lib/i18n/catalogue.ts';
import { readCatalogue } from './popup-harness';

const T0 = 1_764_000_000_000;
/** A supervisor barged in (gws-api.md §8): the Established set and the way back to ListenIn. */
const BARGED_IN_CAPS = [
  'Hangup',
  'Hold',
  'SingleStepTransfer',
  'SingleStepConference',
  'SwitchToListenIn',
  'RemoveParticipantFromConference',
];
const CRM = 'http://127.0.0.1/*';
const lists = (over: Partial<SiteLists> = {}): SiteLists => ({
  crmSites: [CRM, 'https://crm.example.com/*'],
  disabledSites: [],
  region: 'US',
  confirmBeforeDial: false,
  numbersShortcut: 'Alt+Shift+N',
  language: 'browser',
  partyNameKey: 'CustomerName',
  ...over,
});

const EXT_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const contentScript = (frame: string, tab = frame) => ({
  id: EXT_ID,
  url: frame,
  tab: { id: 4, url: tab },
});
const crmPage = 'http://127.0.0.1:8091/crm/contacts';

function state(): CallsState {
  const events = [
    deviceEvent(),
    callEvent('IN', 'Ringing', {
      participants: [
        { phoneNumber: '+14155550132', digits: '14155550132', e164Number: '+14155550132' },
      ],
      ani: '+14155550132',
      capabilities: ['Answer'],
      userData: { Ticket: 'T-4242', Nested: { a: 1 } },
    }),
    callEvent('OTHER', 'Established', {
      participants: [{ phoneNumber: '+442079460958', digits: '442079460958' }],
      ani: '+442079460958',
      capabilities: ['Hangup', 'Hold', 'SingleStepTransfer', 'SingleStepConference'],
      userData: { Secret: 'not for other numbers' },
    }),
  ];
  let s = initialCallsState(T0);
  s = reduce(s, { type: 'connection', connection: { kind: 'connected' } }, T0);
  events.forEach((e, i) => (s = reduce(s, { type: 'event', event: e }, T0 + i)));
  return s;
}

/** A session whose REST calls are recorded: what reached "GWS" is the observable result. */
function fakeSession(calls: CallsState = state()) {
  const sent: Array<[string, ...unknown[]]> = [];
  const rest = new Proxy(
    {},
    {
      get:
        (_t, name: string) =>
        (...args: unknown[]) =>
          void sent.push([name, ...args]),
    },
  );
  const session: PageSession = {
    calls,
    operate: (operation) => runOperation(rest as never, state(), operation),
  };
  return { session, sent };
}

describe('which pages the overlay serves', () => {
  it('matches CRM site patterns to URLs, honouring the per-site switch', () => {
    expect(siteVerdict('http://127.0.0.1:8091/crm/contacts', lists())).toEqual({
      on: true,
      pattern: CRM,
    });
    expect(siteVerdict('https://crm.example.com/x?y=1', lists()).on).toBe(true);
    expect(siteVerdict('https://evil.example.net/', lists())).toEqual({
      on: false,
      reason: 'not-a-crm-site',
    });
    expect(siteVerdict(crmPage, lists({ disabledSites: [CRM] }))).toEqual({
      on: false,
      reason: 'turned-off',
    });
    expect(activePatterns(lists({ disabledSites: [CRM] }))).toEqual(['https://crm.example.com/*']);
  });

  it('watches the storage keys the site lists live under', () => {
    expect(PAGE_SETTINGS_KEYS).toContain(AGENT_SETTINGS_KEY);
    expect(PAGE_SETTINGS_KEYS).toContain(OVERLAY_SETTINGS_KEY);
  });

  it('says enabled only when the frame and its tab are both on an enabled site', async () => {
    const h = createPageCommandHandlers(fakeSession().session, { lists: async () => lists() });
    const config = await h['page.config'](undefined, contentScript(crmPage));
    // Nothing for reading numbers: the page sends its texts to the background for that.
    expect(config).toEqual({
      enabled: true,
      region: 'US',
      confirmBeforeDial: false,
      numbersShortcut: { alt: true, shift: true, ctrl: false, meta: false, code: 'KeyN' },
    });
    // The CRM framed by another site: the framing page could lure clicks onto our targets.
    expect(
      await h['page.config'](undefined, contentScript(crmPage, 'https://evil.example.net/')),
    ).toMatchObject({
      enabled: false,
      reason: 'not-a-crm-site',
    });
    const off = createPageCommandHandlers(fakeSession().session, {
      lists: async () => lists({ disabledSites: [CRM] }),
    });
    expect(await off['page.config'](undefined, contentScript(crmPage))).toMatchObject({
      enabled: false,
      reason: 'turned-off',
    });
  });
});

describe("the agent's language reaches the page", () => {
  const fr = readCatalogue('fr');
  const words = (language: UiLanguage) =>
    overlayWordsFor(language, async (l) => readCatalogue(l) as Catalogue);

  it("carries the chosen language's overlay messages with the config, and only those", async () => {
    const h = createPageCommandHandlers(fakeSession().session, {
      lists: async () => lists({ language: 'fr' }),
      words,
    });
    const config = await h['page.config'](undefined, contentScript(crmPage));
    expect(config.words?.language).toBe('fr');
    const messages = config.words!.messages;
    expect(Object.keys(messages).sort()).toEqual([...OVERLAY_MESSAGE_KEYS].sort());
    expect(messages.overlayLocalTime).toEqual({ message: 'Heure locale' });
    expect(messages.overlayCallWith).toEqual({
      message: fr.overlayCallWith!.message,
      placeholders: fr.overlayCallWith!.placeholders,
    });
    // Nothing beyond the overlay's words: no descriptions, no popup or options messages.
    expect(JSON.stringify(config.words)).not.toContain('description');
    expect(messages).not.toHaveProperty('signOut');
    expect(messages).not.toHaveProperty('callAlertTitle');
  });

  it('sends no words when the overlay follows the browser, or to a frame it does not serve', async () => {
    const asked: string[] = [];
    const h = (language: UiLanguage) =>
      createPageCommandHandlers(fakeSession().session, {
        lists: async () => lists({ language }),
        words: (l) => (asked.push(l), words(l)),
      });
    expect(await h('browser')['page.config'](undefined, contentScript(crmPage))).not.toHaveProperty(
      'words',
    );
    const framed = await h('fr')['page.config'](
      undefined,
      contentScript(crmPage, 'https://evil.example.net/'),
    );
    expect(framed).toMatchObject({ enabled: false });
    expect(framed).not.toHaveProperty('words');
    expect(asked).toEqual(['browser']);
  });

  it('writes country names in the chosen language', async () => {
    const h = createPageCommandHandlers(fakeSession().session, {
      lists: async () => lists({ language: 'fr' }),
    });
    const [uk] = await h['page.enrich']({ numbers: ['+44 20 7946 0958'] }, contentScript(crmPage));
    expect(uk).toMatchObject({ countryCode: 'GB', countryName: 'Royaume-Uni' });
  });
});

describe('page commands', () => {
  it('refuses every command from a page that is not an enabled CRM site, sending nothing', async () => {
    const { session, sent } = fakeSession();
    const h = createPageCommandHandlers(session, { lists: async () => lists() });
    const foreign = contentScript('https://evil.example.net/');
    await expect(h['page.dial']({ number: '+14155550132' }, foreign)).rejects.toMatchObject({
      code: 'site-not-enabled',
    });
    await expect(h['page.enrich']({ numbers: ['+14155550132'] }, foreign)).rejects.toMatchObject({
      code: 'site-not-enabled',
    });
    await expect(
      h['page.detect']({ items: [{ text: 'Call 415-555-0132' }] }, foreign),
    ).rejects.toMatchObject({ code: 'site-not-enabled' });
    await expect(
      h['page.callOperation'](
        { callId: 'IN', operation: 'Answer', number: '+14155550132' },
        foreign,
      ),
    ).rejects.toMatchObject({ code: 'site-not-enabled' });
    expect(sent).toEqual([]);
  });

  it('dials the normalized number from the agent device', async () => {
    const { session, sent } = fakeSession();
    const h = createPageCommandHandlers(session, { lists: async () => lists() });
    await h['page.dial']({ number: '(415) 555-0187' }, contentScript(crmPage));
    await expect(
      h['page.dial']({ number: 'call me' }, contentScript(crmPage)),
    ).rejects.toMatchObject({
      code: 'invalid-number',
    });
    expect(sent).toEqual([['dial', 'bb7aeea8-bcf1-4b56-a4e7-013e1ee5391d', '+14155550187', {}]]);
  });

  it('srcdoc and about:blank frames are served by the origin they inherit, never by their URL', async () => {
    const h = createPageCommandHandlers(fakeSession().session, { lists: async () => lists() });
    const frame = (origin: string | undefined, url = 'about:srcdoc') => ({
      ...contentScript(url, crmPage),
      ...(origin !== undefined ? { origin } : {}),
    });
    const config = (sender: object) => h['page.config'](undefined, sender);
    expect(await config(frame('http://127.0.0.1:8091'))).toMatchObject({ enabled: true });
    expect(await config(frame('http://127.0.0.1:8091', 'about:blank'))).toMatchObject({
      enabled: true,
    });
    // A frame of another site inside the CRM page, a sandboxed one, one of unknown origin.
    for (const origin of ['https://evil.example.net', 'null', undefined]) {
      expect(await config(frame(origin)), String(origin)).toMatchObject({ enabled: false });
    }
  });

  it('one call per person: refuses to dial a number already on a live call', async () => {
    const { session, sent } = fakeSession();
    const h = createPageCommandHandlers(session, { lists: async () => lists() });
    await expect(
      h['page.dial']({ number: '(415) 555-0132' }, contentScript(crmPage)),
    ).rejects.toMatchObject({ code: 'already-on-call' });
    expect(sent).toEqual([]);
  });

  it('enriches a batch of numbers in the agent region', async () => {
    const h = createPageCommandHandlers(fakeSession().session, { lists: async () => lists() });
    const [uk, internal] = await h['page.enrich'](
      { numbers: ['+44 20 7946 0958', '7001'] },
      contentScript(crmPage),
    );
    expect(uk).toMatchObject({
      e164: '+442079460958',
      countryCode: 'GB',
      valid: true,
      timeZone: 'Europe/London',
    });
    expect(internal).toMatchObject({ number: '7001', internal: true });
  });

  it('names the other call’s party with the agent’s attached-data key', () => {
    const s0 = state();
    const s = reduce(
      s0,
      {
        type: 'event',
        event: callEvent('NAMED', 'Held', {
          participants: [{ phoneNumber: '+33199001234', formattedPhoneNumber: '01 99 00 12 34' }],
          ani: '+33199001234',
          capabilities: ['Retrieve', 'SingleStepTransfer'],
          userData: { CustomerName: 'Ada Lovelace' },
        }),
      },
      s0.clock + 1000,
    );
    // What a page is pushed (lib/background/page-live-push.ts) names parties this way.
    const lookup = pageLookup(s, '(415) 555-0132', { nameKey: 'CustomerName' });
    expect(lookup.otherCalls.map((c) => c.party)).toEqual(['+442079460958', 'Ada Lovelace']);
    const plain = pageLookup(s, '(415) 555-0132', { nameKey: '' });
    expect(plain.otherCalls.map((c) => c.party)).toEqual(['+442079460958', '01 99 00 12 34']);
  });

  it('shows call data only for calls the number is a party to', () => {
    const s = state();
    const caller = pageLookup(s, '(415) 555-0132');
    expect(caller.calls).toEqual([
      expect.objectContaining({
        callId: 'IN',
        state: 'Ringing',
        actions: ['Answer'],
        userData: [
          ['Ticket', 'T-4242'],
          ['Nested', '{"a":1}'],
        ],
      }),
    ]);
    // The other call may be transferred to this number, but its data stays out of this card.
    expect(caller.otherCalls).toEqual([
      {
        callId: 'OTHER',
        state: 'Established',
        party: '+442079460958',
        actions: ['SingleStepTransfer', 'SingleStepConference'],
      },
    ]);
    expect(JSON.stringify(caller)).not.toContain('not for other numbers');
    const stranger = pageLookup(s, '+33 1 99 00 12 34');
    expect(stranger.calls).toEqual([]);
  });

  it("a supervisor's monitoring call shows on a page as a call, without its data or controls", () => {
    const customer = [
      { phoneNumber: '+14155550199', digits: '14155550199', e164Number: '+14155550199' },
      { phoneNumber: '7001', digits: '7001' },
    ];
    const s = reduce(
      state(),
      {
        type: 'event',
        event: callEvent('MON', 'Established', {
          participants: customer,
          dnis: '7001',
          monitoring: true,
          capabilities: [...BARGED_IN_CAPS],
          userData: { Secret: 'the agent’s call data' },
        }),
      },
      T0 + 10,
    );
    const card = pageLookup(s, '(415) 555-0199');
    expect(card.calls).toEqual([
      expect.objectContaining({ callId: 'MON', state: 'Established', actions: [], userData: [] }),
    ]);
    // Nor is it offered to be transferred to another number's card.
    expect(pageLookup(s, '+33 1 99 00 12 34').otherCalls.map((c) => c.callId)).toEqual(['OTHER']);
    expect(JSON.stringify(card)).not.toContain('call data');
    for (const [operation, number] of [
      ['Hangup', '(415) 555-0199'],
      ['SingleStepTransfer', '+33 1 99 00 12 34'],
    ]) {
      expect(() => checkPageOperation(s, 'MON', operation, number as string)).toThrow(
        /monitoring call/,
      );
    }
    // The same call as the agent's own is controlled from the page.
    expect(checkPageOperation(s, 'OTHER', 'Hangup', '+442079460958')).toEqual({
      operation: 'Hangup',
      params: {},
    });
  });

  it('offers no action on a page card during an outage, and says which', () => {
    const lost = reduce(
      state(),
      { type: 'connection', connection: { kind: 'reconnecting', attempt: 1, reason: 'network' } },
      Date.now(),
    );
    const offline = pageLookup(lost, '(415) 555-0132');
    expect(offline.degraded).toBe('offline');
    expect(offline.calls.map((c) => c.actions)).toEqual([[]]);
    expect(offline.otherCalls).toEqual([]);
    const voice = pageLookup(
      reduce(state(), { type: 'voice', available: false, reason: 'down' }, Date.now()),
      '(415) 555-0132',
    );
    expect(voice.degraded).toBe('voice');
    expect(voice.calls[0]?.actions).toEqual([]);
    expect(pageLookup(state(), '(415) 555-0132').degraded).toBeUndefined();
  });

  it('allows call operations only on calls involving the number, and transfers only to it', async () => {
    const s = state();
    expect(checkPageOperation(s, 'IN', 'Answer', '4155550132')).toEqual({
      operation: 'Answer',
      params: {},
    });
    expect(() => checkPageOperation(s, 'OTHER', 'Hangup', '4155550132')).toThrow(
      /does not involve/,
    );
    expect(checkPageOperation(s, 'OTHER', 'SingleStepTransfer', '+14155550132')).toEqual({
      operation: 'SingleStepTransfer',
      params: { destination: '+14155550132' },
    });
    expect(() => checkPageOperation(s, 'IN', 'SingleStepTransfer', '+14155550132')).toThrow();
    expect(() => checkPageOperation(s, 'GONE', 'Hangup', '+14155550132')).toThrow(/ended/);
    expect(() => checkPageOperation(s, 'IN', 'AttachUserData', '+14155550132')).toThrow();

    const { session, sent } = fakeSession();
    const h = createPageCommandHandlers(session, { lists: async () => lists() });
    await h['page.callOperation'](
      { callId: 'IN', operation: 'Answer', number: '+14155550132' },
      contentScript(crmPage),
    );
    await h['page.callOperation'](
      { callId: 'OTHER', operation: 'SingleStepTransfer', number: '+14155550132' },
      contentScript(crmPage),
    );
    expect(sent).toEqual([
      ['callOperation', 'IN', 'Answer', {}],
      [
        'callOperation',
        'OTHER',
        'SingleStepTransfer',
        { destination: { phoneNumber: '+14155550132' } },
      ],
    ]);
  });
});

describe('through the router', () => {
  it('lets content scripts use the page commands and nothing else', async () => {
    const { session, sent } = fakeSession();
    const handlers = createCommandHandlers(session as unknown as GwsSession, {
      lists: async () => lists(),
    });
    const route = createCommandRouter(handlers, (s) => classifySender(s, EXT_ID, ORIGIN));
    const msg = (command: string, payload?: unknown) => ({
      channel: MESSAGE_CHANNEL,
      command,
      payload,
    });
    const from = contentScript(crmPage);
    expect(await route(msg('page.dial', { number: '+14155550187' }), from)).toEqual({
      ok: true,
      value: null,
    });
    expect(await route(msg('call.dial', { phoneNumber: '+14155550187' }), from)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await route(msg('session.getState'), from)).toMatchObject({ ok: false });
    expect(sent).toEqual([['dial', 'bb7aeea8-bcf1-4b56-a4e7-013e1ee5391d', '+14155550187', {}]]);
  });
});
