import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSim, type StartedSim } from '../support/sim.ts';
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
});
