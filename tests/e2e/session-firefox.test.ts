import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/extension.ts';
import {
  extensionCommands,
  inboundCallToTransfer,
  sendRuntimeMessage,
} from '../support/extension-commands.ts';

// The same background session in firefox-esr's background page (MV2 build).
describe('Firefox: background session end to end', () => {
  let sim: StartedSim;
  let ext: FirefoxExtension;
  let page: Page;
  const commands = extensionCommands((message) => page.evaluate(sendRuntimeMessage, message));

  const { command, until, login } = commands;

  beforeAll(async () => {
    sim = await startSim({ longPollTimeoutMs: 10_000 });
    ext = await launchFirefoxWithExtension();
    page = await ext.openPage('popup.html', '#app > *');
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('signs in, then handles an inbound call from ringing to a completed transfer', async () => {
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    await inboundCallToTransfer(commands, sim.control, '7002');
    expect((await sim.control.agent('agent2')).calls).toHaveLength(1);
    await command('session.logout');
    await until((v) => v.calls.connection.kind === 'loggedOut', 'logged out');
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(false);
  });

  it('a ringing call: the ring tone plays in the background page; a notification click brings up the console', async () => {
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    await page.evaluate(async () => {
      const stored = (await browser.storage.local.get('agentSettings')).agentSettings as
        { version: number; value: object } | undefined;
      await browser.storage.local.set({
        agentSettings: {
          version: stored?.version ?? 1,
          value: { ...stored?.value, ringTone: true },
        },
      });
    });
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as Seen).seenNotifications = seen;
      browser.notifications.onClosed.addListener((id) => void seen.push(id));
    });
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550123' });
    await until((v) => v.calls.calls[0]?.call.state === 'Ringing', 'ringing');
    // Firefox's background is a page that plays audio: the tone plays there, without a user
    // gesture (autoplay rules do not hold it back).
    const status = await waitFor(() => page.evaluate(ringToneStatus), {
      message: 'the ring tone status',
    });
    expect(status).toEqual({ playing: true, audio: 'running' });

    // Firefox notifications have no buttons: a click (twice here) brings up one console window
    // showing the call. (Headless Firefox has no notification display and closes a notification
    // at once, so only that it came and went can be seen; its text is checked in
    // screen-pop-call-alerts.test.ts.)
    const notificationId = `gws-cti-call:${callId}`;
    await waitFor(
      () =>
        page.evaluate((id) => (globalThis as Seen).seenNotifications?.includes(id), notificationId),
      { message: 'the incoming-call notification' },
    );
    await page.evaluate(clickNotification, notificationId);
    await page.evaluate(clickNotification, notificationId);
    const consoleWindows = await page.evaluate(
      async () => (await browser.windows.getAll()).filter((w) => w.type === 'popup').length,
    );
    expect(consoleWindows).toBe(1);
    await waitFor(() => page.evaluate(consoleShowsACall), { message: 'the call in the console' });
    await page.evaluate(async () => {
      for (const w of await browser.windows.getAll()) {
        if (w.type === 'popup' && w.id !== undefined) await browser.windows.remove(w.id);
      }
    });

    await command('call.operation', { callId, operation: 'Answer' });
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'answered');
    await waitFor(async () => (await page.evaluate(ringToneStatus))?.playing === false, {
      message: 'the ring tone stopped',
    });
    await command('session.logout');
  });
});

/** Runs in the popup: the ring tone's last status, read in the background page. */
async function ringToneStatus(): Promise<{ playing: boolean; audio: string } | undefined> {
  const background = (await browser.runtime.getBackgroundPage()) as unknown as {
    gwsCti?: {
      ringTone: { idle(): Promise<void>; lastStatus?: { playing: boolean; audio: string } };
    };
  } | null;
  await background?.gwsCti?.ringTone.idle();
  return background?.gwsCti?.ringTone.lastStatus;
}

/** Runs in the popup: what the background does when the agent clicks a notification. */
async function clickNotification(notificationId: string): Promise<void> {
  const background = (await browser.runtime.getBackgroundPage()) as unknown as {
    gwsCti?: { callAlerts: { onClicked(id: string): Promise<void> } };
  } | null;
  await background?.gwsCti?.callAlerts.onClicked(notificationId);
}

/** The popup records the notifications it saw closed (Firefox tells every extension page). */
type Seen = { seenNotifications?: string[] };

/** Runs in the popup used by the test: whether another console page shows a call. */
function consoleShowsACall(): boolean {
  // The polyfill types extension views as an empty interface.
  const views = browser.extension.getViews() as unknown as Array<typeof globalThis>;
  return views.some(
    (view) =>
      view !== window &&
      view.location.pathname === '/popup.html' &&
      view.document.querySelector('article[data-call-id]') !== null,
  );
}
