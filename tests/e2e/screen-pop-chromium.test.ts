import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { startCrm, type RunningCrm } from '../../crm/server.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import {
  extensionCommands,
  readSessionStorage,
  sendRuntimeMessage,
} from '../support/extension-commands.ts';
import type { LedgerData } from '../../lib/screen-pop/pop-ledger.ts';
import type { ScreenPopRule } from '../../lib/screen-pop/types.ts';

// The built extension in Debian's Chromium, the simulator and the demo CRM on their own
// origins: calls are made through the simulator's control API, the screen-pop is observed
// as real navigations of real CRM tabs.

interface ExtensionApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  tabs: {
    query(
      q: Record<string, unknown>,
    ): Promise<Array<{ id: number; url?: string; active: boolean }>>;
  };
  windows: {
    getLastFocused(q: {
      populate: boolean;
    }): Promise<{ tabs?: Array<{ id: number; active: boolean; url?: string }> }>;
  };
}

/** Runs in an extension page: writes the screen-pop settings item (what the options page saves). */
async function writeScreenPopSettings(value: unknown): Promise<void> {
  const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
  await api.storage.local.set({ screenPopSettings: { version: 1, value } });
}

/** Runs in an extension page: ids of the extension's notifications on screen. */
async function notificationIds(): Promise<string[]> {
  const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
  return Object.keys(await api.notifications.getAll());
}

/** Runs in an extension page: the active tab of the last focused window. */
async function focusedTabUrl(): Promise<string | undefined> {
  const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
  const window = await api.windows.getLastFocused({ populate: true });
  return window.tabs?.find((t) => t.active)?.url;
}

interface Navigation {
  page: Page;
  url: string;
  /** When the navigation request left the tab, and when the new document committed. */
  requestAt: number;
  committedAt?: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

describe('Chromium: screen-pop and incoming-call alerts end to end', () => {
  let sim: StartedSim;
  let crm: RunningCrm;
  let ext: ChromiumExtension;
  let page: Page;
  const crmTabs: Page[] = [];
  const navigations: Navigation[] = [];
  let numberSeq = 0;

  const { until, callOp, login, command } = extensionCommands((message) =>
    page.evaluate(sendRuntimeMessage, message),
  );

  /** Every main-frame navigation of every tab, the extension's new tabs included. */
  function track(tab: Page): void {
    tab.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === tab.mainFrame()) {
        navigations.push({ page: tab, url: request.url(), requestAt: Date.now() });
      }
    });
    tab.on('framenavigated', (frame) => {
      if (frame !== tab.mainFrame()) return;
      const nav = navigations.findLast((n) => n.page === tab && n.url === frame.url());
      if (nav && nav.committedAt === undefined) nav.committedAt = Date.now();
    });
  }

  const pops = (phoneDigits: string) =>
    navigations.filter(
      (n) => n.url.includes('/crm/contacts?phone=') && n.url.includes(phoneDigits),
    );

  /** A fresh external number per call, so each call's pop URL is distinct. */
  function nextNumber(): string {
    numberSeq++;
    return `+1415555${String(1000 + numberSeq).slice(-4)}`;
  }

  /** Everything the background queued for screen-pop and alerts so far is done. */
  async function backgroundIdle(): Promise<void> {
    const worker = await ext.serviceWorker();
    await worker.evaluate(async () => {
      const hook = (
        globalThis as {
          gwsCti?: {
            ready: Promise<void>;
            screenPop: { idle(): Promise<void> };
            callAlerts: { idle(): Promise<void> };
          };
        }
      ).gwsCti;
      if (!hook) throw new Error('no background hook');
      await hook.ready;
      await hook.screenPop.idle();
      await hook.callAlerts.idle();
    });
  }

  async function waitForPop(phoneDigits: string, timeoutMs = 5_000): Promise<Navigation> {
    return waitFor(() => pops(phoneDigits).find((n) => n.committedAt !== undefined), {
      timeoutMs,
      intervalMs: 5,
      message: `the screen-pop for ${phoneDigits}`,
    });
  }

  async function endAllCalls(): Promise<void> {
    for (const call of (await sim.control.agent('agent1')).calls) {
      await sim.control.remote(String(call.id), 'hangup');
    }
    await until((v) => v.calls.calls.length === 0, 'no calls left');
  }

  const ticketRule = (): ScreenPopRule => ({
    id: 'ticket',
    name: 'Calls with a ticket',
    enabled: true,
    when: { callTypes: ['Inbound'], userData: [{ key: 'Ticket' }] },
    trigger: 'ringing',
    url: '/crm/contacts?phone={ani.e164|ani}&ticket={userData.Ticket}&segment={userData.Segment}',
    tab: { matchUrl: '/crm/*', reusePopTab: true, newWindow: false },
  });

  beforeAll(async () => {
    sim = await startSim({ longPollTimeoutMs: 10_000, maxIntervalMs: 15_000 });
    crm = await startCrm({ port: 0 });
    ext = await launchChromiumWithExtension();
    ext.context.on('page', track);
    page = await ext.openPage('popup.html');
    // The CRM base URL and rules, as the options page would save them.
    await page.evaluate(writeScreenPopSettings, {
      crmBaseUrl: crm.baseUrl,
      rules: [ticketRule()],
      notificationUserDataKey: 'Ticket',
    });
    for (const path of ['dashboard', 'contacts', 'activity']) {
      const tab = await ext.context.newPage();
      await tab.goto(`${crm.baseUrl}/crm/${path}`);
      crmTabs.push(tab);
    }
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await ext?.close();
    await crm?.close();
    await sim?.close();
  });

  let popTab: Page;

  it('an inbound call with userData pops the templated URL once, in one of three CRM tabs, focused', async () => {
    const from = nextNumber();
    const userData = { Ticket: 'T-1001', Segment: 'Gold – ünïcode & co' };
    const tabsBefore = ext.context.pages().length;
    const { callId } = await sim.control.call({ to: 'agent1', from, dnis: '8012', userData });
    const pop = await waitForPop(from.slice(1));
    const expected =
      `${crm.baseUrl}/crm/contacts?phone=${encodeURIComponent(from)}` +
      `&ticket=T-1001&segment=${encodeURIComponent(userData.Segment)}`;
    expect(pop.url).toBe(expected);
    expect(crmTabs).toContain(pop.page);
    popTab = pop.page;
    expect(await page.evaluate(focusedTabUrl)).toBe(expected);
    // The page the CRM shows is the caller's contact page (the CRM read the number).
    await expect.poll(() => popTab.url()).toBe(expected);

    // The incoming-call notification is up while it rings.
    await waitFor(
      async () => (await page.evaluate(notificationIds)).includes(`gws-cti-call:${callId}`),
      {
        message: 'the notification',
      },
    );
    // Answer, then let the background finish everything it queued: nothing more may pop.
    await callOp(callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'established');
    await backgroundIdle();
    expect(pops(from.slice(1))).toHaveLength(1);
    expect(
      navigations.filter((n) => n.page !== popTab && n.url.includes('/crm/contacts?phone=')),
    ).toEqual([]);
    expect(ext.context.pages().length).toBe(tabsBefore);
    expect(await page.evaluate(notificationIds)).not.toContain(`gws-cti-call:${callId}`);
    const ledger = (await page.evaluate(readSessionStorage, 'screenPopLedger')) as LedgerData;
    expect(ledger.entries.filter((e) => e.key === `ringing:${callId}`)).toHaveLength(1);
    await endAllCalls();
  });

  it('a second call reuses the pop tab, even after the agent moved to another CRM tab', async () => {
    const other = crmTabs.find((t) => t !== popTab)!;
    await other.bringToFront();
    const from = nextNumber();
    await sim.control.call({ to: 'agent1', from, userData: { Ticket: 'T-1002' } });
    const pop = await waitForPop(from.slice(1));
    expect(pop.page).toBe(popTab);
    await backgroundIdle();
    expect(pops(from.slice(1))).toHaveLength(1);
    await endAllCalls();
  });

  it('an agent-dialled call does not pop', async () => {
    const before = navigations.length;
    await command('call.dial', { phoneNumber: '+14155550177' });
    await until(
      (v) => v.calls.calls[0]?.call.state === 'Established',
      'outbound established',
      10_000,
    );
    await backgroundIdle();
    expect(navigations.slice(before)).toEqual([]);
    await endAllCalls();
  });

  // Measured before any worker restart: after a CDP stop, the simulator's CometD server keeps
  // counting the dead worker's held long poll against the browser and answers every new poll
  // at once with advice interval 2000 ms (CometD's multiple-clients rule), so events then
  // arrive up to 2 s late. That belongs to the session transport, not to the screen-pop.
  it('measures the delay from the simulator publishing a call to the pop tab navigating', async () => {
    const requestDelays: number[] = [];
    const commitDelays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const from = nextNumber();
      const sent = Date.now();
      await sim.control.call({ to: 'agent1', from, userData: { Ticket: `T-9${i}` } });
      const pop = await waitForPop(from.slice(1));
      expect(pop.page).toBe(popTab);
      requestDelays.push(pop.requestAt - sent);
      commitDelays.push(pop.committedAt! - sent);
      await endAllCalls();
    }
    console.log(
      `screen-pop delay, simulator publish → pop tab navigation (10 calls): ` +
        `request median ${median(requestDelays)} ms [${requestDelays.join(', ')}]; ` +
        `commit median ${median(commitDelays)} ms [${commitDelays.join(', ')}]`,
    );
    expect(median(requestDelays)).toBeLessThan(1_000);
  });

  it('a service-worker stop during ringing neither loses nor repeats the pop', async () => {
    const control = await ext.workerControl();
    const stopAndWake = async () => {
      await page.close();
      await control.stop();
      page = await ext.openPage('popup.html');
      await until((v) => v.calls.connection.kind === 'connected', 'connected after the restart');
    };

    // 1. Popped, then the worker stops while the call still rings.
    const first = nextNumber();
    const a = await sim.control.call({ to: 'agent1', from: first, userData: { Ticket: 'T-2001' } });
    await waitForPop(first.slice(1));
    await waitFor(
      async () => {
        const ledger = (await page.evaluate(readSessionStorage, 'screenPopLedger')) as LedgerData;
        return ledger.entries.some((e) => e.key === `ringing:${a.callId}` && e.state === 'done');
      },
      { message: 'the pop to be recorded' },
    );
    await stopAndWake();
    await until(
      (v) => v.calls.calls.some((r) => r.call.id === a.callId && r.call.state === 'Ringing'),
      'still ringing',
    );
    await callOp(a.callId, 'Answer');
    await until(
      (v) => v.calls.calls[0]?.call.state === 'Established',
      'answered after the restart',
    );
    await backgroundIdle();
    expect(pops(first.slice(1))).toHaveLength(1);
    await endAllCalls();

    // 2. The worker is down when the call arrives: the resumed session's recovery finds it
    //    ringing and it pops then, once.
    await page.close();
    await control.stop();
    const second = nextNumber();
    const b = await sim.control.call({
      to: 'agent1',
      from: second,
      userData: { Ticket: 'T-2002' },
    });
    page = await ext.openPage('popup.html');
    const woke = Date.now();
    const pop = await waitForPop(second.slice(1), 8_000);
    console.log(`screen-pop after a worker restart: ${pop.requestAt - woke} ms after the wake-up`);
    expect(pop.page).toBe(popTab);
    await callOp(b.callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'answered');
    await backgroundIdle();
    expect(pops(second.slice(1))).toHaveLength(1);
    await endAllCalls();

    // 3. The worker stops right as the call is published: whichever side of the pop it lands
    //    on, exactly one pop.
    const third = nextNumber();
    const c = await sim.control.call({ to: 'agent1', from: third, userData: { Ticket: 'T-2003' } });
    await page.close();
    await control.stop();
    page = await ext.openPage('popup.html');
    await waitForPop(third.slice(1), 8_000);
    await until((v) => v.calls.calls.some((r) => r.call.id === c.callId), 'third call known');
    await callOp(c.callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'answered');
    await backgroundIdle();
    expect(pops(third.slice(1))).toHaveLength(1);
    await endAllCalls();
  });

  it('hostile rule patterns on hostile attached data cannot freeze the background', async () => {
    // Stored as an import or a policy would store them: the editor's checks are bypassed.
    // `^(\w+)+\1$` on 41 characters, matched by the browser's RegExp, kept the worker busy
    // for more than 75 s; `^(\w+)+$` does the same without the back-reference.
    const hostileValue = 'a'.repeat(40) + '!';
    const noteRule = (id: string, value: string): ScreenPopRule => ({
      ...ticketRule(),
      id,
      name: id,
      when: { userData: [{ key: 'Note', match: { op: 'regex', value } }] },
      url: `/crm/contacts?phone={ani.e164|ani}&rule=${id}`,
    });
    await page.evaluate(writeScreenPopSettings, {
      crmBaseUrl: crm.baseUrl,
      rules: [noteRule('backref', '^(\\w+)+\\1$'), noteRule('nested', '^(\\w+)+$'), ticketRule()],
      notificationUserDataKey: 'Ticket',
    });
    try {
      const first = nextNumber();
      await sim.control.call({
        to: 'agent1',
        from: first,
        userData: { Note: hostileValue, Ticket: 'T-4001' },
      });
      // Neither pattern matches the hostile value: the ticket rule pops, and the popup's
      // commands are answered meanwhile.
      const pop = await waitForPop(first.slice(1));
      expect(pop.url).toContain('ticket=T-4001');
      await until((v) => v.calls.calls.length === 1, 'the popup sees the call');
      await endAllCalls();

      // The next call is handled too; a value the pattern does match selects its rule.
      const second = nextNumber();
      await sim.control.call({
        to: 'agent1',
        from: second,
        userData: { Note: 'a'.repeat(40), Ticket: 'T-4002' },
      });
      expect((await waitForPop(second.slice(1))).url).toContain('rule=nested');
      await endAllCalls();
    } finally {
      await page.evaluate(writeScreenPopSettings, {
        crmBaseUrl: crm.baseUrl,
        rules: [ticketRule()],
        notificationUserDataKey: 'Ticket',
      });
    }
  });

  it("the notification's Answer button answers the call in the simulator", async () => {
    const from = nextNumber();
    const { callId } = await sim.control.call({
      to: 'agent1',
      from,
      userData: { Ticket: 'T-3001' },
    });
    const notificationId = `gws-cti-call:${callId}`;
    await waitFor(async () => (await page.evaluate(notificationIds)).includes(notificationId), {
      message: 'the notification',
    });
    await sim.control.clearRequests();
    // A system notification cannot be clicked from a test: this calls the very handler the
    // notifications.onButtonClicked listener calls, in the service worker (button 0 = Answer).
    const worker = await ext.serviceWorker();
    await worker.evaluate(async (id) => {
      const hook = (
        globalThis as {
          gwsCti?: { callAlerts: { onButtonClicked(id: string, index: number): Promise<void> } };
        }
      ).gwsCti;
      await hook?.callAlerts.onButtonClicked(id, 0);
    }, notificationId);
    await waitFor(
      async () =>
        (await sim.control.agent('agent1')).calls.find((c) => c.id === callId)?.state ===
        'Established',
      { message: 'the call established in the simulator' },
    );
    const ops = (await sim.control.requests('agent1')).map((r) => r.operationName);
    expect(ops).toContain('Answer');
    await waitFor(async () => !(await page.evaluate(notificationIds)).includes(notificationId), {
      message: 'the notification cleared',
    });
    await endAllCalls();
  });

  it('the ring tone, when on, plays in an offscreen document exactly while a call rings', async () => {
    await page.evaluate(setRingTone, true);
    const ringing = await sim.control.call({ to: 'agent1', from: nextNumber() });
    // Heard means: the offscreen document exists and its audio output runs (not held back
    // by autoplay rules). The test browser is started muted, which silences but still runs it.
    const status = await waitFor(
      async () => {
        await backgroundIdle();
        const status = (await ringStatus()) as { playing?: boolean } | null;
        return status?.playing ? status : undefined;
      },
      { message: 'the ring tone status' },
    );
    expect(status).toEqual({ playing: true, audio: 'running' });
    expect(await page.evaluate(offscreenDocuments)).toEqual([
      expect.stringMatching(/\/offscreen\.html$/),
    ]);
    await callOp(ringing.callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'answered');
    await waitFor(async () => (await page.evaluate(offscreenDocuments)).length === 0, {
      message: 'the offscreen document closed once the call was answered',
    });
    await endAllCalls();

    // The worker stops while a call rings and the caller gives up meanwhile: the document
    // outlives the worker, and the next worker silences it.
    const second = await sim.control.call({ to: 'agent1', from: nextNumber() });
    await waitFor(async () => (await page.evaluate(offscreenDocuments)).length === 1, {
      message: 'ringing again',
    });
    const control = await ext.workerControl();
    await page.close();
    await control.stop();
    await sim.control.remote(second.callId, 'hangup');
    page = await ext.openPage('popup.html');
    await until((v) => v.calls.calls.length === 0, 'the hang-up seen after the restart');
    // The new worker has resumed the session and applied its calls to the ring tone: the
    // leftover document is closed by then, whether or not the store changed on the way.
    expect(await resumedRingStatus()).toEqual({ playing: false, audio: 'closed' });
    expect(await page.evaluate(offscreenDocuments)).toEqual([]);

    // A worker that dies inside createDocument leaves a document that appears after the next
    // worker looked. Opened here behind the ring tone's back, with nothing ringing: it is
    // closed as soon as it has loaded: so soon that Chrome may reject the request with
    // "closed before fully loading", which is what a dead worker would never hear.
    const worker = await ext.serviceWorker();
    await worker.evaluate(async () => {
      await (
        globalThis as unknown as {
          chrome: {
            offscreen: {
              createDocument(p: {
                url: string;
                reasons: string[];
                justification: string;
              }): Promise<void>;
            };
          };
        }
      ).chrome.offscreen
        .createDocument({
          url: 'offscreen.html',
          reasons: ['AUDIO_PLAYBACK'],
          justification: "a previous worker's late document",
        })
        .catch((error: unknown) => {
          if (!/closed before fully loading/i.test(String(error))) throw error;
        });
    });
    await waitFor(async () => (await page.evaluate(offscreenDocuments)).length === 0, {
      message: 'the late offscreen document closed once it loaded',
    });
    expect(await resumedRingStatus()).toEqual({ playing: false, audio: 'closed' });
    await page.evaluate(setRingTone, false);
  });

  it('a call ringing through a worker restart keeps its ring tone: the new worker adopts the document', async () => {
    await page.evaluate(setRingTone, true);
    // Offscreen documents as the browser reports them: created and destroyed, with times.
    const control = await ext.workerControl();
    const cdp = await ext.context.newCDPSession(control.page);
    const events: Array<{ at: number; kind: 'created' | 'destroyed'; targetId: string }> = [];
    const offscreen = new Set<string>();
    // A document's target may be created blank and get its URL just after.
    const seen = ({ targetInfo }: { targetInfo: { targetId: string; url: string } }) => {
      if (!targetInfo.url.endsWith('/offscreen.html') || offscreen.has(targetInfo.targetId)) return;
      offscreen.add(targetInfo.targetId);
      events.push({ at: performance.now(), kind: 'created', targetId: targetInfo.targetId });
    };
    cdp.on('Target.targetCreated', seen);
    cdp.on('Target.targetInfoChanged', seen);
    cdp.on('Target.targetDestroyed', ({ targetId }) => {
      if (offscreen.has(targetId))
        events.push({ at: performance.now(), kind: 'destroyed', targetId });
    });
    await cdp.send('Target.setDiscoverTargets', { discover: true });

    const ringing = await sim.control.call({ to: 'agent1', from: nextNumber() });
    await waitFor(
      async () => {
        await backgroundIdle();
        return ((await ringStatus()) as { playing?: boolean } | null)?.playing === true;
      },
      { message: 'ringing before the restart' },
    );
    const before = [...offscreen];
    expect(before).toHaveLength(1);
    const stoppedAt = events.length;

    // The new worker's first look at GWS is held, so it is still putting back its calls when
    // the message below arrives, as it is when the message is what wakes it.
    await sim.control.delay(1_000, '/api/v2/me');
    await page.close();
    await control.stop();
    // A document that loads after the worker that opened it stopped says so to the next one
    // (entrypoints/offscreen), waking it: that message reaches the new worker before it has
    // put back its calls. Said again here by the open document, so the order is certain.
    // Playwright does not list offscreen documents as pages: evaluated over CDP.
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: before[0]!,
      flatten: false,
    });
    const answered = new Promise<string>((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        if (e.sessionId === sessionId) resolve(e.message);
      }),
    );
    const expression =
      "chrome.runtime.sendMessage({ ringtone: 'opened' }).then(() => 'sent', (e) => String(e))";
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression, awaitPromise: true, returnByValue: true },
      }),
    });
    expect(JSON.parse(await answered)).toMatchObject({
      id: 1,
      result: { result: { value: 'sent' } },
    });
    // Gone already when the new worker closed the document.
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    page = await ext.openPage('popup.html');
    await until(
      (v) => v.calls.calls.some((r) => r.call.id === ringing.callId && r.call.state === 'Ringing'),
      'still ringing after the restart',
    );
    // Once the new worker has resumed and applied its calls, the tone plays...
    expect(await resumedRingStatus()).toEqual({ playing: true, audio: 'running' });
    await sim.control.delay(0);
    // ...from the document that rang before the restart: never closed, never reopened.
    const during = events.slice(stoppedAt);
    const closed = during.find((e) => e.kind === 'destroyed');
    const reopened = during.find((e) => e.kind === 'created');
    console.log(
      `ring tone across a worker restart: ` +
        (closed && reopened
          ? `document closed and reopened, ${Math.round(reopened.at - closed.at)} ms without a document`
          : closed
            ? 'document closed'
            : 'same document, no gap'),
    );
    expect(during).toEqual([]);
    expect(await page.evaluate(offscreenDocuments)).toHaveLength(1);

    await callOp(ringing.callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'answered');
    await waitFor(async () => (await page.evaluate(offscreenDocuments)).length === 0, {
      message: 'the offscreen document closed once the call was answered',
    });
    await endAllCalls();
    await cdp.detach();
    await page.evaluate(setRingTone, false);
  });

  /** The ring tone's status once the worker has resumed and applied what it resumed. */
  async function resumedRingStatus(): Promise<unknown> {
    const worker = await ext.serviceWorker();
    return worker.evaluate(async () => {
      const hook = (
        globalThis as {
          gwsCti?: {
            ready: Promise<void>;
            ringTone: { idle(): Promise<void>; lastStatus?: unknown };
          };
        }
      ).gwsCti;
      await hook?.ready;
      await hook?.ringTone.idle();
      return hook?.ringTone.lastStatus ?? null;
    });
  }

  /** The ring tone's last status, read in the service worker. */
  async function ringStatus(): Promise<unknown> {
    const worker = await ext.serviceWorker();
    return worker.evaluate(async () => {
      const hook = (
        globalThis as { gwsCti?: { ringTone: { idle(): Promise<void>; lastStatus?: unknown } } }
      ).gwsCti;
      await hook?.ringTone.idle();
      return hook?.ringTone.lastStatus ?? null;
    });
  }
});

/** Runs in an extension page: turns the ring tone on or off, as the options page does. */
async function setRingTone(on: boolean): Promise<void> {
  const api = (
    globalThis as unknown as {
      chrome: {
        storage: {
          local: {
            get(key: string): Promise<Record<string, { version: number; value: object }>>;
            set(items: Record<string, unknown>): Promise<void>;
          };
        };
      };
    }
  ).chrome;
  const stored = (await api.storage.local.get('agentSettings')).agentSettings;
  await api.storage.local.set({
    agentSettings: { version: stored?.version ?? 1, value: { ...stored?.value, ringTone: on } },
  });
}

/** Runs in an extension page: the URLs of the extension's offscreen documents. */
async function offscreenDocuments(): Promise<string[]> {
  const api = (
    globalThis as unknown as {
      chrome: {
        runtime: {
          getContexts(filter: { contextTypes: string[] }): Promise<Array<{ documentUrl?: string }>>;
        };
      };
    }
  ).chrome;
  const contexts = await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  return contexts.map((c) => c.documentUrl ?? '');
}
