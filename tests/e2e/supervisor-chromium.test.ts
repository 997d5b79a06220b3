import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';
import { withoutScreenPop } from './popup-support.ts';

/** One browser profile with the built extension, its popup and its commands. */
interface Console {
  ext: ChromiumExtension;
  popup: Page;
  commands: ReturnType<typeof extensionCommands>;
}

async function openConsole(sim: StartedSim, user: string): Promise<Console> {
  const ext = await launchChromiumWithExtension();
  const popup = await ext.openPopup();
  await withoutScreenPop(popup);
  const commands = extensionCommands((message) => popup.evaluate(sendRuntimeMessage, message));
  await commands.login(sim.baseUrl, user);
  await commands.until((v) => v.calls.connection.kind === 'connected', `${user} connected`);
  return { ext, popup, commands };
}

// A supervisor and the agent they monitor, each in their own Chromium profile with the built
// extension, signed in to one simulator (strict mode: only documented members on the wire).
describe('Chromium: a supervisor monitors an agent; both consoles show it', () => {
  let sim: StartedSim;
  let agent: Console;
  let supervisor: Console;

  beforeAll(async () => {
    sim = await startSim({ longPollTimeoutMs: 10_000, maxIntervalMs: 15_000 });
    agent = await openConsole(sim, 'agent1');
    supervisor = await openConsole(sim, 'supervisor1');
  });
  /** The supervisor's toolbar badge once the background has painted the latest state. */
  const badgeText = async () => {
    const worker = await supervisor.ext.serviceWorker();
    return worker.evaluate(async () => {
      const api = globalThis as unknown as {
        gwsCti: { callAlerts: { idle(): Promise<void> } };
        chrome: { action: { getBadgeText(d: object): Promise<string> } };
      };
      await api.gwsCti.callAlerts.idle();
      return api.chrome.action.getBadgeText({});
    });
  };
  afterAll(async () => {
    await agent?.ext.close();
    await supervisor?.ext.close();
    await sim?.close();
  });

  it('listens in to agent1, switches to coach, stops; the agent sees a supervisor on the call', async () => {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+14155550132' });
    const agentCard = agent.popup.locator(`article[data-call-id="${callId}"]`);
    await agentCard.getByRole('button', { name: 'Answer' }).click();
    await agent.commands.until(
      (v) => v.calls.calls.some((r) => r.call.id === callId && r.call.state === 'Established'),
      'agent1 on the call',
    );
    expect(await agentCard.getByText(/^Supervisor /).count()).toBe(0);

    // The supervisor picks agent1 from the agents GWS lists, and listens in.
    const panel = supervisor.popup.getByRole('region', { name: 'Supervision' });
    const deviceId = (await sim.control.agent('agent1')).device.id as string;
    await panel.getByRole('combobox', { name: 'Agent to monitor' }).fill('Anna');
    await panel.getByRole('option', { name: /Anna Kowalski/ }).click();
    await panel.getByRole('button', { name: 'Listen in' }).click();
    const monitoring = supervisor.popup.locator('article.monitoring-card');
    await monitoring
      .getByRole('heading', { name: 'Listening in to Anna Kowalski (7001)' })
      .waitFor();
    expect(await monitoring.getByText('With (415) 555-0132').count()).toBe(1);
    await panel
      .locator('.monitor-current')
      .getByText('Listening in to Anna Kowalski (7001)')
      .waitFor();
    await agentCard.getByText('Supervisor on the call').waitFor();
    // The supervisor's monitoring call is not one of the supervisor's own calls: no badge.
    expect(await badgeText()).toBe('');

    // Switch to coach on the monitoring call.
    await monitoring.getByRole('button', { name: 'Coach' }).click();
    await monitoring.getByRole('heading', { name: 'Coaching Anna Kowalski (7001)' }).waitFor();
    expect(await monitoring.getByRole('button', { name: 'Listen in' }).count()).toBe(1);
    expect(await monitoring.getByRole('button', { name: 'Coach' }).count()).toBe(0);
    await panel.locator('.monitor-current').getByText('Coaching Anna Kowalski (7001)').waitFor();
    // One flag on the agent's call for listening and coaching alike (§6.1): the agent's call
    // says a supervisor is on it, never "listening" while coached.
    expect(await agentCard.getByText('Supervisor on the call').count()).toBe(1);
    expect(await agentCard.getByText(/listening/i).count()).toBe(0);
    const sent = await sim.control.requests('supervisor1');
    expect(sent.map((r) => r.operationName)).toEqual(
      expect.arrayContaining(['ListenIn', 'SwitchToCoach']),
    );
    expect(sent.find((r) => r.operationName === 'ListenIn')?.body).toMatchObject({
      targetDeviceUri: `${sim.baseUrl}/api/v2/devices/${deviceId}`,
      supervisorMonitoringMode: 'AllCalls',
      supervisorMonitoringScope: 'Call',
    });

    // Stop: the monitoring call goes, the agent's note goes, the agent's call stays.
    await panel.getByRole('button', { name: 'Stop monitoring' }).click();
    await monitoring.waitFor({ state: 'detached' });
    await agentCard.getByText('Supervisor on the call').waitFor({ state: 'detached' });
    expect(await panel.locator('.monitor-current').count()).toBe(0);
    expect(await agentCard.getByRole('button', { name: 'Hang up' }).count()).toBe(1);

    // The monitoring call left nothing behind on the supervisor's side: no history, no wrap-up.
    await waitFor(
      async () =>
        !(await supervisor.commands.view()).calls.calls.some((r) => r.call.monitoring === true),
      { message: 'the monitoring call ended' },
    );
    const worker = await supervisor.ext.serviceWorker();
    await worker.evaluate(async () => {
      const cti = (globalThis as { gwsCti?: Record<string, { idle?: () => Promise<void> }> })
        .gwsCti;
      await (cti?.ready as unknown as Promise<void>);
      for (let i = 0; i < 3; i++) {
        await cti?.history?.idle?.();
        await cti?.wrapUp?.idle?.();
      }
    });
    await supervisor.popup.reload();
    await supervisor.popup.getByRole('heading', { name: 'Call history' }).waitFor();
    expect(await supervisor.popup.getByText('The history is empty.').count()).toBe(1);
    expect(await supervisor.popup.locator('.history-item').count()).toBe(0);
    expect(await supervisor.popup.getByRole('region', { name: 'Wrap-up' }).count()).toBe(0);
  });
});
