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

  it('the ring tone, when on, plays in the background page while a call rings', async () => {
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
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550123' });
    await until((v) => v.calls.calls[0]?.call.state === 'Ringing', 'ringing');
    // Firefox's background is a page that plays audio: the tone plays there, without a user
    // gesture (autoplay rules do not hold it back).
    const status = await waitFor(() => page.evaluate(ringToneStatus), {
      message: 'the ring tone status',
    });
    expect(status).toEqual({ playing: true, audio: 'running' });
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
