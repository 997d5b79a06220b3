import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POP_LEDGER_KEY, ScreenPop, type ScreenPopSession } from '@/lib/background/screen-pop';
import { initialCallsState, reduce, type CallAlert, type CallsState } from '@/lib/calls';
import { DiagnosticsLog } from '@/lib/diagnostics/diagnostics-log';
import { parseNotification } from '@/lib/gws/parse';
import { decidePop } from '@/lib/screen-pop/decide';
import { PopLedger, type LedgerData } from '@/lib/screen-pop/pop-ledger';
import { popCallFromRecord } from '@/lib/screen-pop/pop-call';
import { defaultRules } from '@/lib/screen-pop/defaults';
import { SCREEN_POP_SETTINGS_KEY } from '@/lib/settings/screen-pop-rules';
import type { ScreenPopRule } from '@/lib/screen-pop/types';
import { loadFixture } from '../fixtures/gws/load.ts';

// The extension APIs are WXT's in-memory fake browser (tabs, windows and storage keep real
// state there); the call store is the real one, fed parsed GWS messages.

const CRM = 'http://127.0.0.1:8091';
const T0 = 1_764_000_000_000;

type Json = Record<string, unknown>;

function callMessage(id: string, state: string, ani: string, userData: Json = {}): Json {
  const message = loadFixture<{ data: { call: Json } }>('call-ringing-inbound');
  const call = {
    ...message.data.call,
    id,
    callUuid: `uuid-${id}`,
    state,
    ani,
    participants: [{ phoneNumber: ani, digits: ani.replace(/\D/g, '') }],
    userData,
    capabilities: state === 'Ringing' ? ['Answer'] : ['Hangup', 'Hold'],
  };
  return { ...message, data: { ...message.data, call } };
}

function apply(state: CallsState, message: Json): CallsState {
  const event = parseNotification(message);
  if (event.kind === 'unrecognised') throw new Error(event.reason);
  return reduce(state, { type: 'event', event }, state.clock + 1000);
}

/** The parts of a GwsSession the screen-pop reads, over a real store state. */
function fakeSession(initial: CallsState): ScreenPopSession & { state: CallsState } {
  const diagnostics = new DiagnosticsLog();
  return {
    state: initial,
    diagnostics,
    get calls() {
      return this.state;
    },
  };
}

interface Navigation {
  tabId: number;
  url: string;
}

/**
 * Every pop touches a tab: a navigation, or (when the tab already shows the page) a focus
 * without one. Both are recorded, so a repeated pop shows up either way.
 */
function watchTabs() {
  const navigations: Navigation[] = [];
  const created: Navigation[] = [];
  let agentActing = false;
  fakeBrowser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (agentActing) return;
    // The fake reports the update as given, `active` included (Chrome would not).
    const focused = (change as { active?: boolean }).active === true;
    if (change.url || focused) navigations.push({ tabId, url: change.url ?? `focus ${tab.url}` });
  });
  fakeBrowser.tabs.onCreated.addListener((tab) => {
    created.push({ tabId: tab.id ?? -1, url: tab.url ?? '' });
  });
  /** The agent switches to a tab (not recorded as a pop). */
  const agentFocuses = async (tabId: number) => {
    agentActing = true;
    await fakeBrowser.tabs.update(tabId, { active: true });
    agentActing = false;
  };
  return { navigations, created, agentFocuses };
}

async function openCrmTabs(count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const tab = await fakeBrowser.tabs.create({ url: `${CRM}/crm/page-${i}` });
    ids.push(tab.id ?? -1);
  }
  return ids;
}

async function useRules(rules: ScreenPopRule[]): Promise<void> {
  await fakeBrowser.storage.local.set({
    [SCREEN_POP_SETTINGS_KEY]: { version: 1, value: { crmBaseUrl: CRM, rules } },
  });
}

const popUrl = (e164: string) => `${CRM}/crm/contacts?phone=${encodeURIComponent(e164)}`;

describe('screen-pop: once per call and trigger', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('pops a ringing call once, in one of three matching tabs, however often the alert comes', async () => {
    const tabs = watchTabs();
    const [, second] = await openCrmTabs(3);
    await tabs.agentFocuses(second!);
    tabs.created.length = 0;
    const session = fakeSession(initialCallsState(T0));
    session.state = apply(session.state, callMessage('C1', 'Ringing', '+14155550132'));
    const alerts: CallAlert[] = session.state.alerts;
    expect(alerts).toHaveLength(1);

    const pop = new ScreenPop(() => session);
    pop.start();
    pop.onAlerts(alerts);
    pop.onAlerts(alerts);
    pop.onChange(session.state);
    await pop.idle();

    expect(tabs.navigations).toEqual([{ tabId: second, url: popUrl('+14155550132') }]);
    expect(tabs.created).toEqual([]);
  });

  it('a restarted worker (same storage, new instance) does not pop again, also after recovery', async () => {
    const tabs = watchTabs();
    await openCrmTabs(1);
    await useRules([{ ...defaultRules()[0]!, trigger: 'both' }]);
    const session = fakeSession(initialCallsState(T0));
    session.state = apply(session.state, callMessage('C2', 'Ringing', '+442079460958'));
    const alerts = session.state.alerts;

    const first = new ScreenPop(() => session);
    first.start();
    first.onAlerts(alerts);
    await first.idle();
    expect(tabs.navigations).toHaveLength(1);

    // The worker is gone; storage.session survives. The recovery snapshot finds the call
    // still ringing and alerts again; then it is answered.
    const second = new ScreenPop(() => session);
    second.start();
    second.onAlerts(alerts.map((a) => ({ ...a, source: 'recovery' as const })));
    session.state = apply(session.state, callMessage('C2', 'Established', '+442079460958'));
    second.onChange(session.state);
    await second.idle();
    expect(tabs.navigations).toHaveLength(1);

    const ledger = (await fakeBrowser.storage.session.get(POP_LEDGER_KEY))[
      POP_LEDGER_KEY
    ] as LedgerData;
    expect(ledger.entries.map((e) => [e.key, e.state])).toEqual([['ringing:C2', 'done']]);
  });

  it('a pop claimed by a worker that died before navigating is done once by the next worker', async () => {
    const tabs = watchTabs();
    const [crmTab] = await openCrmTabs(1);
    const session = fakeSession(initialCallsState(T0));
    session.state = apply(session.state, callMessage('C3', 'Ringing', '+14155550133'));
    const record = session.state.calls[0]!;
    const decision = decidePop({
      ruleSet: { crmBaseUrl: CRM, region: 'US', rules: defaultRules() },
      call: popCallFromRecord(record),
      trigger: 'ringing',
      alreadyPopped: () => false,
    });
    if (decision.kind !== 'pop') throw new Error(decision.reason);
    // What the dead worker left behind: a claim, written with the same storage adapter.
    const storage = {
      read: async () => (await fakeBrowser.storage.session.get(POP_LEDGER_KEY))[POP_LEDGER_KEY],
      write: (data: LedgerData) => fakeBrowser.storage.session.set({ [POP_LEDGER_KEY]: data }),
    };
    const dead = new PopLedger(storage);
    await dead.load();
    expect(await dead.claim(decision.plan)).toBe(true);

    const next = new ScreenPop(() => session);
    next.start();
    next.onAlerts(session.state.alerts);
    await next.idle();
    const after = new ScreenPop(() => session);
    after.start();
    after.onAlerts(session.state.alerts);
    await after.idle();

    expect(tabs.navigations).toEqual([{ tabId: crmTab, url: popUrl('+14155550133') }]);
  });

  it('a claim whose tab already shows the page is settled without navigating again', async () => {
    const tabs = watchTabs();
    const url = popUrl('+14155550134');
    await fakeBrowser.tabs.create({ url });
    const session = fakeSession(initialCallsState(T0));
    session.state = apply(session.state, callMessage('C4', 'Ringing', '+14155550134'));
    const decision = decidePop({
      ruleSet: { crmBaseUrl: CRM, region: 'US', rules: defaultRules() },
      call: popCallFromRecord(session.state.calls[0]!),
      trigger: 'ringing',
      alreadyPopped: () => false,
    });
    if (decision.kind !== 'pop') throw new Error(decision.reason);
    const ledger = new PopLedger({
      read: async () => undefined,
      write: (data) => fakeBrowser.storage.session.set({ [POP_LEDGER_KEY]: data }),
    });
    await ledger.claim(decision.plan);
    tabs.created.length = 0;

    const next = new ScreenPop(() => session);
    next.start();
    await next.idle();
    expect(tabs.navigations).toEqual([]);
    expect(next.outcomes.map((o) => o.how)).toEqual(['already-open']);
  });

  it('the next call reuses the pop tab even when another CRM tab was used since', async () => {
    const tabs = watchTabs();
    const [a, b] = await openCrmTabs(2);
    await tabs.agentFocuses(a!);
    const session = fakeSession(initialCallsState(T0));
    const pop = new ScreenPop(() => session);
    pop.start();
    session.state = apply(session.state, callMessage('C5', 'Ringing', '+14155550135'));
    pop.onAlerts(session.state.alerts);
    await pop.idle();
    await tabs.agentFocuses(b!);
    session.state = apply(session.state, callMessage('C6', 'Ringing', '+14155550136'));
    pop.onAlerts(session.state.alerts.filter((x) => x.callId === 'C6'));
    await pop.idle();
    expect(tabs.navigations).toEqual([
      { tabId: a, url: popUrl('+14155550135') },
      { tabId: a, url: popUrl('+14155550136') },
    ]);
  });

  it('without a matching tab: a new tab, then that tab again; a closed pop tab means a new one', async () => {
    const tabs = watchTabs();
    const session = fakeSession(initialCallsState(T0));
    await useRules([
      { ...defaultRules()[0]!, tab: { matchUrl: '', reusePopTab: true, newWindow: false } },
    ]);
    const pop = new ScreenPop(() => session);
    pop.start();
    const ring = async (id: string, ani: string) => {
      session.state = apply(session.state, callMessage(id, 'Ringing', ani));
      pop.onAlerts(session.state.alerts.filter((x) => x.callId === id));
      await pop.idle();
    };
    await ring('C7', '+14155550137');
    expect(tabs.created).toHaveLength(1);
    const popTab = tabs.created[0]!.tabId;
    await ring('C8', '+14155550138');
    expect(tabs.navigations).toEqual([{ tabId: popTab, url: popUrl('+14155550138') }]);
    // The fake's tabs.remove drops the tab, then fails looking up its window by the tab's
    // id; the tab is gone all the same, which is what this test needs.
    await fakeBrowser.tabs.remove(popTab).catch(() => {});
    expect(await fakeBrowser.tabs.get(popTab)).toBeUndefined();
    await ring('C9', '+14155550139');
    expect(tabs.created.map((t) => t.url)).toEqual([
      popUrl('+14155550137'),
      popUrl('+14155550139'),
    ]);
  });

  it('an agent-dialled call does not pop; a rule for outgoing calls pops it once when answered', async () => {
    const tabs = watchTabs();
    await openCrmTabs(1);
    const session = fakeSession(initialCallsState(T0));
    const pop = new ScreenPop(() => session);
    pop.start();
    const dialled = (state: string) => {
      const m = callMessage('D1', state, '7001');
      const call = (m.data as { call: Json }).call;
      Object.assign(call, { callType: 'Outbound', dnis: '+14155550140', ani: undefined });
      return m;
    };
    session.state = apply(session.state, dialled('Dialing'));
    session.state = apply(session.state, dialled('Established'));
    pop.onChange(session.state);
    await pop.idle();
    expect(tabs.navigations).toEqual([]);

    await useRules([
      {
        id: 'outgoing',
        name: 'Dialled number',
        enabled: true,
        when: { direction: 'outgoing' },
        trigger: 'established',
        url: '/crm/contacts?phone={dnis}',
        tab: { matchUrl: '/crm/*', reusePopTab: true, newWindow: false },
      },
    ]);
    const again = new ScreenPop(() => session);
    again.start();
    again.onChange(session.state);
    again.onChange(session.state);
    await again.idle();
    expect(tabs.navigations.map((n) => n.url)).toEqual([popUrl('+14155550140')]);
  });

  it("a supervisor's monitoring call never pops, whatever the rules say", async () => {
    const tabs = watchTabs();
    await openCrmTabs(1);
    await useRules([
      {
        id: 'every-call',
        name: 'Every answered call',
        enabled: true,
        when: {},
        trigger: 'established',
        url: '/crm/contacts?phone={ani.e164}',
        tab: { matchUrl: '/crm/*', reusePopTab: true, newWindow: false },
      },
    ]);
    const session = fakeSession(initialCallsState(T0));
    const pop = new ScreenPop(() => session);
    pop.start();
    const monitoring = (id: string, flag: boolean | undefined) => {
      const m = callMessage(id, 'Established', '+14155550140');
      const call = (m.data as { call: Json }).call;
      // `monitoring` absent (some samples): the SwitchTo* capabilities say it.
      Object.assign(call, { capabilities: ['Hangup', 'SwitchToCoach', 'SwitchToBargeIn'] });
      if (flag === undefined) delete call.monitoring;
      else call.monitoring = flag;
      return m;
    };
    session.state = apply(session.state, monitoring('M1', true));
    pop.onChange(session.state);
    await pop.idle();
    expect(tabs.navigations).toEqual([]);
    session.state = apply(session.state, monitoring('M2', undefined));
    pop.onChange(session.state);
    await pop.idle();
    expect(tabs.navigations).toEqual([]);

    // The same call as an agent's own call pops: the rule itself matches.
    session.state = apply(session.state, callMessage('C1', 'Established', '+14155550140'));
    pop.onChange(session.state);
    await pop.idle();
    expect(tabs.navigations.map((n) => n.url)).toEqual([popUrl('+14155550140')]);
  });
});
