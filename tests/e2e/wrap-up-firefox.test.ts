import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { agentState, startCallLogHook, type CallLogHook } from '../support/call-log-hook.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';

// Wrap-up, call history and the call-log hook in firefox-esr (MV2 build), where the
// background is a page and the hook is reached through Firefox's own host permissions: the
// popup is used with real clicks and choices, and checked against the simulator (which serves
// a disposition catalogue and a 30 s wrap-up time) and a stand-in CRM.
describe('Firefox: wrap-up, call history and call log', () => {
  let sim: StartedSim;
  let ext: FirefoxExtension;
  let popup: Page;
  let hook: CallLogHook;

  const { command, until, login } = extensionCommands((message) =>
    popup.evaluate(sendRuntimeMessage, message),
  );
  const card = (callId: string) => `article[data-call-id="${callId}"]`;
  const postsFor = (callId: string) => hook.posts.filter((p) => p.idempotencyKey === callId);
  /** Text of the first element matching `selector`, or undefined. */
  const text = (selector: string) =>
    popup.evaluate((s) => document.querySelector(s)?.textContent ?? undefined, selector);
  /** Clicks (a real mouse click) the button whose visible text is `label`, inside `scope`. */
  const press = (scope: string, label: string) =>
    popup.locator(`${scope} button ::-p-text(${label})`).click();
  const selected = (selector: string) =>
    popup.evaluate((s) => document.querySelector<HTMLSelectElement>(s)?.value, selector);

  beforeAll(async () => {
    hook = await startCallLogHook();
    sim = await startSim({ longPollTimeoutMs: 10_000 });
    ext = await launchFirefoxWithExtension();
    popup = await ext.openPopup();
    await popup.evaluate(async (hookUrl) => {
      const api = (
        globalThis as { browser?: { storage: { local: { set(v: object): Promise<void> } } } }
      ).browser;
      await api?.storage.local.set({
        // No screen-pop tab in front of the popup's tab (see popup-support.ts).
        screenPopSettings: { version: 1, value: { rules: [] } },
        // The wrap-up settings item (lib/settings/wrap-up-settings.ts), version 1 envelope.
        wrapUpSettings: {
          version: 1,
          value: {
            afterCallWork: true,
            dispositionRequired: true,
            historyKeys: ['Ticket'],
            callLogUrl: `${hookUrl}/activities/{callId}`,
          },
        },
      });
    }, hook.url);
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    await command('agent.setState', { operationName: 'Ready' });
    await until((v) => agentState(v).state === 'Ready', 'ready');
    await popup.close();
    popup = await ext.openPage('popup.html', 'section.history');
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    hook?.server.close();
  });

  it('answer, choose a disposition on the call, hang up: ACW with a countdown, Done → Ready, logged', async () => {
    const { callId } = await sim.control.call({
      to: 'agent1',
      from: '+14155550132',
      userData: { Ticket: 'T-1', CustomerName: 'Ada Lovelace' },
    });
    await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'ringing');
    await press(card(callId), 'Answer');
    await until(
      (v) => v.calls.calls.some((r) => r.call.id === callId && r.call.state === 'Established'),
      'established',
    );
    await popup.select(`${card(callId)} .disposition select`, 'Sale');
    // Written to the call while it exists, with UpdateUserData (not Attach: no duplicate key).
    await waitFor(
      async () =>
        (await sim.control.requests('agent1')).some(
          (r) =>
            r.operationName === 'UpdateUserData' &&
            r.path.includes(callId) &&
            (r.body as { userData?: Record<string, unknown> }).userData?.DispositionCode === 'Sale',
        ),
      { message: 'the disposition in the request log' },
    );

    await press(card(callId), 'Hang up');
    const countdown = 'section.wrap-up .wrap-up-countdown';
    await popup.waitForSelector(countdown);
    expect(await text(countdown)).toMatch(/After call work: 0:(30|29|28) left/);
    await until((v) => agentState(v).workMode === 'AfterCallWork', 'after call work');
    expect(
      (await sim.control.requests('agent1')).find((r) => r.operationName === 'AfterCallWork')?.body,
    ).toMatchObject({ wrapUpTime: '30' });
    await waitFor(async () => (await selected('section.wrap-up .disposition select')) === 'Sale', {
      message: 'the call’s disposition carried into the wrap-up',
    });
    await press('section.wrap-up', 'Done');
    await until((v) => agentState(v).state === 'Ready', 'ready after Done');
    await popup.waitForSelector('section.wrap-up', { hidden: true });
    await waitFor(() => postsFor(callId).length === 1, { message: 'the call logged' });
    expect(postsFor(callId)[0]).toMatchObject({
      path: `/activities/${callId}`,
      body: {
        callId,
        disposition: 'Sale',
        name: 'Ada Lovelace',
        direction: 'incoming',
        missed: false,
        userData: { Ticket: 'T-1' },
      },
    });
  });

  it('a call that rings out unanswered is listed as missed and logged once', async () => {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+442079460958' });
    await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'ringing');
    // The caller gives up before anyone answers.
    await sim.control.remote(callId, 'hangup');
    const missed = await waitFor(
      async () => {
        const items = await popup.$$eval('.history-list li.missed', (lis) =>
          lis.map((li) => li.textContent ?? ''),
        );
        return items.find((t) => t.includes('20 7946 0958'));
      },
      { message: 'the missed call in the history' },
    );
    expect(missed).toContain('Missed');
    await waitFor(() => postsFor(callId).length === 1, { message: 'the missed call logged' });
    expect(postsFor(callId)[0]!.body).toMatchObject({ missed: true, talkMs: 0 });
  });

  it('history: call back dials the number again', async () => {
    await sim.control.clearRequests();
    // Nobody answers: the call ends without a wrap-up.
    await sim.control.remoteParty('+14155550132', { behaviour: 'no-answer' });
    await popup.locator('.history-list li:not(.missed) button ::-p-text(Call back)').click();
    const dial = await waitFor(
      async () =>
        (await sim.control.requests('agent1')).find((r) => r.operationName === 'Dial')?.body,
      { message: 'Dial in the request log' },
    );
    expect(dial).toMatchObject({ destination: { phoneNumber: '+14155550132' } });
    const v = await until((s) => s.calls.calls.length === 1, 'the outbound call');
    await press(card(v.calls.calls[0]!.call.id), 'Hang up');
    await until((s) => s.calls.calls.length === 0, 'hung up');
  });
});
