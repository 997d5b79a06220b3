import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSim, type StartedSim } from '../support/sim.ts';
import { launchFirefoxWithExtension, type FirefoxExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';

// The same background session in firefox-esr's background page (MV2 build).
describe('Firefox: background session end to end', () => {
  let sim: StartedSim;
  let ext: FirefoxExtension;
  let page: Page;
  const { command, until, callOp, login } = extensionCommands((message) =>
    page.evaluate(sendRuntimeMessage, message),
  );

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
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await until(
      (v) => v.calls.calls.some((r) => r.call.id === callId && r.call.state === 'Ringing'),
      'ringing',
    );
    await callOp(callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'established');
    await callOp(callId, 'Hold');
    await until((v) => v.calls.calls[0]?.call.state === 'Held', 'held');
    await callOp(callId, 'Retrieve');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'retrieved');
    await callOp(callId, 'SingleStepTransfer', { destination: '7002' });
    await until((v) => v.calls.calls.length === 0, 'released');
    expect((await sim.control.agent('agent2')).calls).toHaveLength(1);
    await command('session.logout');
    await until((v) => v.calls.connection.kind === 'loggedOut', 'logged out');
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(false);
  });
});
