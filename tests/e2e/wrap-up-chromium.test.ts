import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { agentState, startCallLogHook, type CallLogHook } from '../support/call-log-hook.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import {
  extensionCommands,
  readSessionStorage,
  sendRuntimeMessage,
} from '../support/extension-commands.ts';
import type { PersistedSession } from '../../lib/session/persistence.ts';
import type { CallsState } from '../../lib/calls/index.ts';
import { withoutScreenPop } from './popup-support.ts';

// Wrap-up, history, missed calls and the call-log hook: the built extension in Chromium
// against the simulator, which serves a disposition catalogue and a 30 s wrap-up time.
describe('Chromium: wrap-up, call history and call log', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let popup: Page;
  let hook: CallLogHook;

  const commands = extensionCommands((message) => popup.evaluate(sendRuntimeMessage, message));
  const { command, until } = commands;
  const card = (callId: string) => popup.locator(`article[data-call-id="${callId}"]`);
  const postsFor = (callId: string) => hook.posts.filter((p) => p.idempotencyKey === callId);

  async function openPopup(): Promise<void> {
    popup = await ext.openPopup();
    await popup.getByRole('heading', { name: 'Call history' }).waitFor();
  }

  /** The worker settled: its wrap-up, history and call log have nothing queued. */
  async function workerIdle(): Promise<void> {
    const worker = await ext.serviceWorker();
    await worker.evaluate(async () => {
      const cti = (globalThis as { gwsCti?: Record<string, { idle?: () => Promise<void> }> })
        .gwsCti;
      await (cti?.ready as unknown as Promise<void>);
      for (let i = 0; i < 3; i++) {
        await cti?.history?.idle?.();
        await cti?.wrapUp?.idle?.();
        await cti?.callLog?.idle?.();
      }
    });
  }

  async function ringAndAnswer(userData: Record<string, string>): Promise<string> {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132', userData });
    await card(callId).getByRole('button', { name: 'Answer' }).waitFor();
    // The ringing call took the keyboard: Enter answers.
    await waitFor(
      async () =>
        popup.evaluate(
          (id) => document.activeElement?.closest('article')?.getAttribute('data-call-id') === id,
          callId,
        ),
      { message: 'focus on Answer' },
    );
    expect(await popup.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      'Answer',
    );
    await popup.keyboard.press('Enter');
    await until(
      (v) => v.calls.calls.some((r) => r.call.id === callId && r.call.state === 'Established'),
      'established',
    );
    return callId;
  }

  beforeAll(async () => {
    hook = await startCallLogHook();
    sim = await startSim({ longPollTimeoutMs: 10_000, maxIntervalMs: 15_000 });
    ext = await launchChromiumWithExtension();
    popup = await ext.openPopup();
    await withoutScreenPop(popup);
    await popup.evaluate(async (hookUrl) => {
      const api = (
        globalThis as { chrome?: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      // The wrap-up settings item (lib/settings/wrap-up-settings.ts), version 1 envelope.
      await api?.storage.local.set({
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
    await commands.login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    await command('agent.setState', { operationName: 'Ready' });
    await until((v) => agentState(v).state === 'Ready', 'ready');
    await popup.close();
    await openPopup();
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    hook?.server.close();
  });

  let answeredId = '';

  it('answer, choose a disposition on the call, hang up: ACW with a countdown, Done → Ready', async () => {
    answeredId = await ringAndAnswer({ Ticket: 'T-1', CustomerName: 'Ada Lovelace' });
    await card(answeredId).getByRole('combobox', { name: 'Disposition' }).selectOption('Sale');
    // Written to the call while it exists, with UpdateUserData (not Attach: no duplicate key).
    await waitFor(
      async () =>
        (await sim.control.requests('agent1')).some(
          (r) =>
            r.operationName === 'UpdateUserData' &&
            r.path.includes(answeredId) &&
            (r.body as { userData?: Record<string, unknown> }).userData?.DispositionCode === 'Sale',
        ),
      { message: 'the disposition in the request log' },
    );
    await card(answeredId).getByRole('button', { name: 'Hang up' }).click();
    const wrapUp = popup.getByRole('region', { name: 'Wrap-up' });
    const countdown = wrapUp.getByRole('timer', { name: 'After call work time left' });
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/After call work: 0:(30|29|28) left/);
    await until((v) => agentState(v).workMode === 'AfterCallWork', 'after call work');
    expect(
      (await sim.control.requests('agent1')).find((r) => r.operationName === 'AfterCallWork')?.body,
    ).toMatchObject({ wrapUpTime: '30' });
    await expect
      .poll(() => wrapUp.getByRole('combobox', { name: 'Disposition' }).inputValue())
      .toBe('Sale');
    await wrapUp.getByRole('button', { name: 'Done' }).click();
    await until((v) => agentState(v).state === 'Ready', 'ready after Done');
    await waitFor(() => postsFor(answeredId).length === 1, { message: 'the call logged' });
    expect(postsFor(answeredId)[0]).toMatchObject({
      path: `/activities/${answeredId}`,
      body: {
        callId: answeredId,
        disposition: 'Sale',
        name: 'Ada Lovelace',
        direction: 'incoming',
        missed: false,
        userData: { Ticket: 'T-1' },
      },
    });
  });

  it('"disposition required" blocks Ready until one is chosen', async () => {
    const callId = await ringAndAnswer({ Ticket: 'T-2' });
    await card(callId).getByRole('button', { name: 'Hang up' }).click();
    const wrapUp = popup.getByRole('region', { name: 'Wrap-up' });
    await wrapUp.getByRole('button', { name: 'Done' }).waitFor();
    await until((v) => agentState(v).workMode === 'AfterCallWork', 'after call work');
    await expect(command('agent.setState', { operationName: 'Ready' })).rejects.toThrow(
      /disposition/,
    );
    // Done is not available yet, and the popup says why.
    const done = wrapUp.getByRole('button', { name: 'Done' });
    expect(await done.isDisabled()).toBe(true);
    expect(await done.getAttribute('aria-describedby')).toBeTruthy();
    expect(await wrapUp.getByText('Choose a disposition before going Ready.').count()).toBe(1);
    expect(postsFor(callId)).toHaveLength(0);
    const axe = await new AxeBuilder({ page: popup }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await wrapUp.getByRole('combobox', { name: 'Disposition' }).selectOption('Callback');
    await expect.poll(() => wrapUp.getByText('Choose a disposition').count()).toBe(0);
    await command('agent.setState', { operationName: 'Ready' });
    await until((v) => agentState(v).state === 'Ready', 'ready');
    await waitFor(() => postsFor(callId).length === 1, { message: 'the call logged' });
    expect(postsFor(callId)[0]!.body).toMatchObject({ disposition: 'Callback' });
    await popup.getByRole('region', { name: 'Wrap-up' }).waitFor({ state: 'detached' });
  });

  it('a call that rings out unanswered is a missed call, on the badge until the popup shows it', async () => {
    await popup.close();
    const options = await ext.openOptions();
    const badge = () =>
      options.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { action: { getBadgeText(d: object): Promise<string> } };
          }
        ).chrome.action.getBadgeText({}),
      );
    const { callId } = await sim.control.call({ to: 'agent1', from: '+442079460958' });
    await expect.poll(badge).toBe('1');
    // The caller gives up before anyone answers.
    await sim.control.remote(callId, 'hangup');
    // Still 1, now the missed call rather than the ringing one.
    await waitFor(
      async () =>
        (await (
          await ext.serviceWorker()
        ).evaluate(
          () =>
            (globalThis as unknown as { gwsCti: { session: { calls: { calls: unknown[] } } } })
              .gwsCti.session.calls.calls.length,
        )) === 0,
      { message: 'the call gone' },
    );
    await workerIdle();
    expect(await badge()).toBe('1');
    await openPopup();
    const history = popup.getByRole('list', { name: 'Call history' });
    const missed = history.getByRole('listitem').filter({ hasText: 'Missed' });
    await missed.waitFor();
    expect(await missed.textContent()).toContain('20 7946 0958');
    await expect.poll(badge).toBe('');
    expect(postsFor(callId)).toHaveLength(1);
    expect(postsFor(callId)[0]!.body).toMatchObject({ missed: true, talkMs: 0 });
    await options.close();
  });

  it('history: call back dials the number again', async () => {
    await sim.control.clearRequests();
    // Nobody answers: the call ends without a wrap-up.
    await sim.control.remoteParty('+14155550132', { behaviour: 'no-answer' });
    const entry = popup
      .getByRole('list', { name: 'Call history' })
      .getByRole('listitem')
      .filter({ hasText: 'Ada Lovelace' });
    await entry.getByRole('button', { name: 'Call back' }).click();
    await waitFor(
      async () =>
        (await sim.control.requests('agent1')).find((r) => r.operationName === 'Dial')?.body,
      { message: 'Dial in the request log' },
    ).then((body) => expect(body).toMatchObject({ destination: { phoneNumber: '+14155550132' } }));
    const v = await until((s) => s.calls.calls.length === 1, 'the outbound call');
    const callId = v.calls.calls[0]!.call.id;
    await card(callId).getByRole('button', { name: 'Hang up' }).click();
    await until((s) => s.calls.calls.length === 0, 'hung up');
  });

  it('the log hook gets exactly one POST per call, also across worker restarts', async () => {
    // A call ends while the worker is stopped: the restarted worker finds it gone.
    const callId = await ringAndAnswer({ Ticket: 'T-3' });
    await waitFor(
      async () =>
        (
          (await popup.evaluate(readSessionStorage, 'gwsSession')) as
            PersistedSession<CallsState> | undefined
        )?.store?.calls[0]?.call.state === 'Established',
      { message: 'the call persisted' },
    );
    await popup.close();
    const worker = await ext.workerControl();
    await worker.stop();
    await sim.control.remote(callId, 'hangup');
    await openPopup();
    const wrapUp = popup.getByRole('region', { name: 'Wrap-up' });
    await wrapUp.getByRole('combobox', { name: 'Disposition' }).selectOption('NoSale');
    await wrapUp.getByRole('button', { name: 'Done' }).click();
    await waitFor(() => postsFor(callId).length === 1, { message: 'the call logged' });

    // Stopped again with every call logged: nothing is sent twice.
    await popup.close();
    await worker.stop();
    await openPopup();
    await workerIdle();
    const ids = hook.posts.map((p) => p.idempotencyKey);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(hook.posts.every((p) => p.path === `/activities/${p.idempotencyKey}`)).toBe(true);
  });
});
