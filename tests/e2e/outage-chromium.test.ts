import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSim, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { withoutScreenPop } from './popup-support.ts';

// Outages as the agent sees them, in Debian's Chromium with the built extension, against the
// simulator's faults: the voice service down, a stalled push channel, and the server gone for
// a while and back on the same port.
describe('Chromium: outages the agent can see', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let popup: Page;

  const { until, login } = extensionCommands((message) =>
    popup.evaluate(sendRuntimeMessage, message),
  );
  const shown = (locator: Locator, timeout = 8_000) =>
    locator.waitFor({ state: 'visible', timeout });
  const gone = (locator: Locator, timeout = 8_000) =>
    locator.waitFor({ state: 'detached', timeout });
  const card = (callId: string) => popup.locator(`article[data-call-id="${callId}"]`);
  const connection = () => popup.locator('.connection-status');
  const connected = () => connection().getByText('Connected', { exact: true });
  const offlineNotice = (callId: string) =>
    card(callId).getByText(/^Connection lost: this call may have changed/);
  const voiceNotice = (callId: string) =>
    card(callId).getByText(/^Voice service unavailable: this call cannot be controlled/);

  async function answeredCall(): Promise<string> {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550199' });
    await card(callId).getByRole('button', { name: 'Answer' }).click();
    await shown(card(callId).locator('.call-state', { hasText: /^Connected$/ }));
    return callId;
  }

  async function hangUp(callId: string): Promise<void> {
    await card(callId).getByRole('button', { name: 'Hang up' }).click();
    await gone(card(callId));
  }

  beforeAll(async () => {
    sim = await startSim();
    ext = await launchChromiumWithExtension();
    popup = await ext.openPopup();
    await withoutScreenPop(popup);
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('voice down: the header and every card say so, controls are off, and it clears when voice is back', async () => {
    const callId = await answeredCall();
    await sim.control.voiceDown(true);
    try {
      await card(callId).getByRole('button', { name: 'Hold' }).click();
      await shown(popup.getByText(/^Could not put the call on hold/));
      await shown(connection().getByText('Voice service unavailable', { exact: true }));
      await shown(voiceNotice(callId));
      expect(await card(callId).getByRole('button', { name: 'Hang up' }).isDisabled()).toBe(true);
      expect(await card(callId).getByRole('button', { name: 'Edit' }).count()).toBe(0);
    } finally {
      await sim.control.voiceDown(false);
    }
    const back = Date.now();
    await shown(connected());
    console.log(`voice service back: shown ${Date.now() - back} ms after it answered again`);
    await gone(voiceNotice(callId));
    // What failed because of the outage no longer stands.
    await gone(popup.getByText(/^Could not put the call on hold/));
    expect(await card(callId).getByRole('button', { name: 'Hang up' }).isDisabled()).toBe(false);
    await hangUp(callId);
  });

  it('stalled push channel: every card shows the outage with its controls off, and it comes back', async () => {
    const callId = await answeredCall();
    await sim.control.stall(true);
    try {
      await shown(connection().getByText(/^Reconnecting/), 30_000);
      await shown(offlineNotice(callId));
      expect(await card(callId).getByRole('button', { name: 'Hang up' }).isDisabled()).toBe(true);
    } finally {
      await sim.control.stall(false);
    }
    const back = Date.now();
    await shown(connected());
    console.log(`stall released: connected ${Date.now() - back} ms later`);
    await gone(offlineNotice(callId));
    await hangUp(callId);
  });

  it('server gone for a while: reconnects within seconds of answering again', async () => {
    const port = Number(new URL(sim.baseUrl).port);
    await sim.close();
    // Long enough for the retries to reach their longest interval: 5 s now (it was 30 s, and
    // after six attempts the next one came 16–32 s later).
    await until(
      (v) => v.calls.connection.kind === 'reconnecting' && v.calls.connection.attempt >= 6,
      'six reconnect attempts',
      60_000,
    );
    sim = await startSim({ port });
    const back = Date.now();
    // At most one capped interval, then a prompt re-handshake and sign-in.
    await until((v) => v.calls.connection.kind === 'connected', 'connected again', 12_000);
    const ms = Date.now() - back;
    console.log(`server back after an outage: connected ${ms} ms after it answered again`);
    await shown(connected());
  });
});
