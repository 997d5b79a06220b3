// @vitest-environment happy-dom
/**
 * The popup for supervisors and monitored agents, over the real store fed parsed GWS messages:
 * the supervision panel's controls follow the device's capabilities, a monitoring call is
 * drawn as one (never as a customer call), and the monitored agent's card says a supervisor
 * is listening.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoreAction } from '@/lib/calls';
import {
  callEventFrom,
  ESTABLISHED_CAPS,
  establishedCall,
  eventAction,
  later,
  parsed,
  renderPopup,
  signedIn,
  settle,
  T0,
  useCatalogue,
} from './popup-harness';
import { agentKey } from '@/lib/history/call-history-book';
import { loadFixture } from '../fixtures/gws/load.ts';

const SERVER = 'http://127.0.0.1:8090';
const AGENT_DEVICE = '5b0d35d4-0a66-4a51-9d3b-0f2a5f0c7001';
const TARGET = `${SERVER}/api/v2/devices/${AGENT_DEVICE}`;
const SUPERVISOR_CAPS = ['ForwardCallsOn', 'DoNotDisturbOn', 'ListenIn', 'Coach', 'BargeIn'];
const MONITOR_ID = '01RCC3N118B1V0SL8O7GK2LAES0000M1';

/** A DeviceStateChangeMessage for the signed-in agent's device with these fields. */
function deviceEvent(patch: Record<string, unknown>): StoreAction {
  const message = loadFixture<{ data: { devices: Array<Record<string, unknown>> } }>(
    'device-state-change',
  );
  Object.assign(
    message.data.devices[0]!,
    { id: 'bb7aeea8-bcf1-4b56-a4e7-013e1ee5391d', phoneNumber: '7009' },
    patch,
  );
  return { type: 'event', event: parsed(message) };
}

const monitoringSet = (state: string, caps: string[] = []) =>
  deviceEvent({
    capabilities: [...SUPERVISOR_CAPS, 'CancelSupervisorMonitoring', ...caps],
    supervisorMonitoringState: { state, mode: 'AllCalls', scope: 'Call', targetDeviceUri: TARGET },
  });

/** The supervisor's leg of agent 7001's call with a customer. */
function monitoringCall(capabilities: string[], patch: Record<string, unknown> = {}) {
  return eventAction(
    callEventFrom('call-ringing-inbound', {
      id: MONITOR_ID,
      state: 'Established',
      callType: 'Internal',
      dnis: '7001',
      participants: [
        { phoneNumber: '5125', digits: '5125', e164Number: '' },
        { phoneNumber: '7001', digits: '7001', e164Number: '' },
      ],
      capabilities,
      monitoring: true,
      ...patch,
    }),
  );
}

describe('popup: supervision', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('an agent whose device offers no monitoring has no supervision panel', () => {
    renderPopup(signedIn(), { serverUrl: SERVER, username: 'agent1' });
    expect(screen.queryByRole('heading', { name: 'Supervision' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Listen in' })).toBeNull();
  });

  it('starts monitoring on a chosen agent with mode and scope, by the device capabilities', async () => {
    const state = signedIn(deviceEvent({ capabilities: SUPERVISOR_CAPS }));
    const popup = renderPopup(state, { serverUrl: SERVER, username: 'supervisor1' });
    const panel = screen.getByRole('region', { name: 'Supervision' });
    expect(within(panel).queryByRole('button', { name: 'Stop monitoring' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Mute agent' })).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: 'Coach' }));
    expect(within(panel).getByRole('alert').textContent).toBe('Choose an agent to monitor.');
    expect(popup.sent).toEqual([]);

    fireEvent.input(within(panel).getByLabelText('Agent to monitor'), {
      target: { value: AGENT_DEVICE },
    });
    fireEvent.change(within(panel).getByLabelText('Calls'), { target: { value: 'NextCall' } });
    fireEvent.change(within(panel).getByLabelText('Follow'), { target: { value: 'Agent' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Coach' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]).toEqual({
      command: 'device.operation',
      payload: {
        operation: 'Coach',
        // A typed device id is completed on the base GWS builds its own URIs on (the
        // fixture device's voiceEnvironmentUri), not on the address signed in to.
        params: {
          targetDeviceUri: `http://127.0.0.1:8080/api/v2/devices/${AGENT_DEVICE}`,
          mode: 'NextCall',
          scope: 'Agent',
        },
      },
    });

    // A device that offers only Coach shows only Coach.
    popup.push(later(state, deviceEvent({ capabilities: ['Coach'] })), { serverUrl: SERVER });
    expect(within(panel).queryByRole('button', { name: 'Listen in' })).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Coach' })).toBeTruthy();
  });

  it('picks the agent from the agents GWS lists and names them while monitoring is set', async () => {
    // The agent list as the background keeps it (lib/directory/agent-directory.ts).
    await fakeBrowser.storage.session.set({
      agentDirectory: {
        agent: agentKey('supervisor1', SERVER),
        status: 'ok',
        fetchedAt: T0,
        agents: [
          {
            userId: 'u1',
            name: 'Anna Kowalski',
            dn: '7001',
            deviceUri: TARGET,
            deviceUris: [TARGET],
            presence: { loggedIn: true, state: 'Ready', displayName: 'Ready' },
          },
          { userId: 'u2', name: 'Ben Okafor', dn: '7002', deviceUris: [] },
        ],
      },
    });
    const state = signedIn(deviceEvent({ capabilities: SUPERVISOR_CAPS }));
    const popup = renderPopup(state, { serverUrl: SERVER, username: 'supervisor1' });
    await settle();
    const panel = screen.getByRole('region', { name: 'Supervision' });
    const field = within(panel).getByRole('combobox', { name: 'Agent to monitor' });
    fireEvent.input(field, { target: { value: 'ann' } });
    fireEvent.click(within(panel).getByRole('option', { name: /Anna Kowalski/ }));
    expect((field as HTMLInputElement).value).toBe('Anna Kowalski');
    fireEvent.click(within(panel).getByRole('button', { name: 'Listen in' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]).toEqual({
      command: 'device.operation',
      payload: {
        operation: 'ListenIn',
        params: { targetDeviceUri: TARGET, mode: 'AllCalls', scope: 'Call' },
      },
    });
    // A listed agent without a phone device cannot be monitored.
    fireEvent.input(field, { target: { value: 'Ben Okafor' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Barge in' }));
    expect(within(panel).getByRole('alert').textContent).toBe('Choose an agent to monitor.');
    popup.push(later(state, monitoringSet('ListenIn')), {
      serverUrl: SERVER,
      username: 'supervisor1',
    });
    expect(panel.querySelector('.monitor-current')?.textContent).toContain(
      'Listening in to Anna Kowalski (7001)',
    );
  });

  it('shows what is set, then the monitoring call as what it is, with the switches GWS offers', async () => {
    const waiting = signedIn(monitoringSet('ListenIn', ['MuteMonitoredUser']));
    const popup = renderPopup(waiting, { serverUrl: SERVER, username: 'supervisor1' });
    const panel = screen.getByRole('region', { name: 'Supervision' });
    expect(within(panel).getByRole('status').textContent).toContain('Waiting for the agent’s call');

    const listening = later(
      waiting,
      monitoringCall(['Hangup', 'SwitchToCoach', 'SwitchToBargeIn']),
    );
    popup.push(listening, { serverUrl: SERVER });
    const card = screen.getByRole('article', { name: 'Listening in to 7001' });
    // Not announced as a call with a party ("Connected to 5125 and 1 more"): the panel's
    // status says what changed.
    expect(screen.getByTestId('live-polite').textContent).not.toContain('Connected');
    expect(within(panel).getByRole('status').textContent).not.toContain('Waiting');
    // Not a customer call: no attached data, disposition, transfer or hold.
    expect(within(card).queryByText('AccountNumber')).toBeNull();
    expect(within(card).queryByRole('button', { name: /Hold|Transfer/ })).toBeNull();
    expect(within(card).getByText('With 5125')).toBeTruthy();
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Coach', 'Barge in', '✕Leave']);

    fireEvent.click(within(card).getByRole('button', { name: 'Coach' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]).toEqual({
      command: 'call.operation',
      payload: { callId: MONITOR_ID, operation: 'SwitchToCoach' },
    });

    // Barged in and the agent muted: from BargeIn only back to ListenIn.
    const barged = later(
      later(
        listening,
        monitoringCall([...ESTABLISHED_CAPS, 'SwitchToListenIn'], { monitoredUserMuted: true }),
      ),
      monitoringSet('BargeIn', ['UnmuteMonitoredUser']),
    );
    popup.push(barged, { serverUrl: SERVER });
    const bargedCard = screen.getByRole('article', { name: 'Barged in on 7001' });
    expect(within(bargedCard).getByText('Agent muted')).toBeTruthy();
    expect(within(bargedCard).queryByRole('button', { name: 'Coach' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Unmute agent' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Stop monitoring' }));
    await waitFor(() => expect(popup.sent).toHaveLength(3));
    expect(popup.sent.slice(1)).toEqual([
      { command: 'device.operation', payload: { operation: 'UnmuteMonitoredUser' } },
      { command: 'device.operation', payload: { operation: 'CancelSupervisorMonitoring' } },
    ]);
  });

  it("the monitored agent's own call says a supervisor is on it, and when muted", () => {
    const state = signedIn(eventAction(establishedCall({ supervisorListeningIn: true })));
    const popup = renderPopup(state);
    const card = screen.getByRole('article');
    expect(within(card).getByText('Supervisor on the call')).toBeTruthy();
    popup.push(
      later(
        state,
        eventAction(establishedCall({ supervisorListeningIn: true, monitoredUserMuted: true })),
      ),
    );
    expect(within(card).getByText('Supervisor on the call; you are muted')).toBeTruthy();
    popup.push(later(state, eventAction(establishedCall({ supervisorListeningIn: false }))));
    expect(within(card).queryByText(/Supervisor/)).toBeNull();
  });
});
