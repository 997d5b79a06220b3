import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { withoutScreenPop } from './popup-support.ts';

type IdleState = 'active' | 'idle' | 'locked';

// Automatic Not Ready in Chromium against the simulator. Headless Chromium has no input or
// screen-lock source to drive `chrome.idle`, and `idle.onStateChanged` cannot be dispatched
// from script, so the test hands the background's idle listener the state the browser would
// report, through the worker's own `gwsCti` hook (a global of the worker, out of reach of
// pages). Everything after it is the product's own path: settings in force, the decision,
// the state change on the wire, the popup.
describe('Chromium: Not Ready when the workstation locks or the agent is idle', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let popup: Page;
  let worker: Worker;
  const { until, login, callOp, command } = extensionCommands((m) =>
    popup.evaluate(sendRuntimeMessage, m),
  );

  /** What the browser's idle listener would be called with; resolves once it has decided. */
  const idle = (state: IdleState) =>
    worker.evaluate(async (state) => {
      const cti = (
        globalThis as unknown as {
          gwsCti: { away: { onIdleState(s: string): Promise<void> } };
        }
      ).gwsCti;
      await cti.away.onIdleState(state);
    }, state);

  const stateChanges = async () =>
    (await sim.control.requests('agent1'))
      .filter((r) => r.path.endsWith('/me/channels/voice') || r.path.endsWith('/api/v2/me'))
      .map((r) => r.operationName);

  const setReady = async () => {
    await command('agent.setState', { operationName: 'Ready' });
    await until((v) => v.calls.agent.devices[0]?.device.userState?.state === 'Ready', 'Ready');
  };

  beforeAll(async () => {
    sim = await startSim();
    ext = await launchChromiumWithExtension();
    worker = await ext.serviceWorker();
    popup = await ext.openPage('popup.html');
    await withoutScreenPop(popup);
    await login(sim.baseUrl, 'agent1');
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('off by default: a lock changes nothing', async () => {
    await setReady();
    await sim.control.clearRequests();
    await idle('locked');
    await idle('active');
    expect(await stateChanges()).toEqual([]);
  });

  it('turned on in the options page: locked → Not Ready with the chosen reason, shown in the popup; back → stays', async () => {
    const options = await ext.openOptions();
    const section = options.getByRole('region', { name: 'Away from the desk' });
    await section.getByRole('checkbox', { name: 'Not Ready when the workstation locks' }).check();
    await section.getByRole('textbox', { name: 'Not Ready state or reason' }).fill('Meeting');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Saved.').waitFor();
    await options.close();

    await setReady();
    await sim.control.clearRequests();
    await idle('locked');
    expect(await stateChanges()).toEqual(['Meeting']);
    await until(
      (v) => v.calls.agent.devices[0]?.device.userState?.displayName === 'Meeting',
      'Not Ready (Meeting)',
    );
    await popup.reload();
    await popup.getByText(/^Not Ready — workstation locked at \d{1,2}[:.]\d{2}/).waitFor();

    // Back at the desk: the state stays Not Ready until the agent says otherwise.
    await idle('active');
    expect(await stateChanges()).toEqual(['Meeting']);
    await popup.getByRole('combobox', { name: 'My state' }).selectOption('Ready');
    await until((v) => v.calls.agent.devices[0]?.device.userState?.state === 'Ready', 'Ready');
    await waitFor(
      async () => (await popup.getByText(/^Not Ready — workstation locked/).count()) === 0,
      { message: 'the note to go with the state it explained' },
    );
  });

  it('during a live call it waits for the call to end', async () => {
    await setReady();
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'ringing');
    await callOp(callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'established');
    await sim.control.clearRequests();
    await idle('locked');
    expect(await stateChanges()).toEqual([]);
    await callOp(callId, 'Hangup');
    const changes = await waitFor(
      async () => {
        const c = await stateChanges();
        return c.length > 0 ? c : undefined;
      },
      { message: 'Not Ready after the call' },
    );
    expect(changes).toEqual(['Meeting']);
    await idle('active');
  });
});
