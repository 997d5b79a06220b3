// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  parsed,
  renderPopup,
  build,
  later,
  signedIn,
  snapshotAction,
  useCatalogue,
} from './popup-harness';
import { loadFixture } from '../fixtures/gws/load.ts';

function select(): HTMLSelectElement {
  return screen.getByLabelText('My state') as HTMLSelectElement;
}

/** A DeviceStateChangeMessage for the agent's device (fixture shape) with these fields. */
function deviceEvent(patch: Record<string, unknown>) {
  const message = loadFixture<{ data: { devices: Array<Record<string, unknown>> } }>(
    'device-state-change',
  );
  const device = message.data.devices[0]!;
  Object.assign(device, { id: 'bb7aeea8-bcf1-4b56-a4e7-013e1ee5391d', phoneNumber: '7001' }, patch);
  return { type: 'event' as const, event: parsed(message) };
}

describe('popup: agent state, DND and forwarding', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('offers the whole catalogue, system states translated and custom states by name and reason', () => {
    renderPopup(signedIn());
    const options = [...select().options].map((o) => [o.value, o.textContent]);
    expect(options).toEqual([
      ['Ready', 'Ready'],
      ['NotReady', 'Not Ready'],
      ['AfterCallWork', 'After Call Work'],
      ['AuxWork', 'Aux Work'],
      ['OutToLunch', 'Out to Lunch'],
      ['Meeting', 'In a meeting – MTG'],
    ]);
    expect(select().value).toBe('NotReady');
  });

  it('asks for a state by its operationName; the select follows GWS, not the click', async () => {
    const state = signedIn();
    const popup = renderPopup(state);
    fireEvent.change(select(), { target: { value: 'OutToLunch' } });
    await waitFor(() =>
      expect(popup.sent).toEqual([
        { command: 'agent.setState', payload: { operationName: 'OutToLunch' } },
      ]),
    );
    const pending = later(state, { type: 'intent', id: 'OutToLunch:1', operation: 'OutToLunch' });
    popup.push(pending);
    expect(select().disabled).toBe(true);
    expect(select().getAttribute('aria-busy')).toBe('true');
    expect(select().value).toBe('NotReady');
    popup.push(
      later(
        pending,
        deviceEvent({
          userState: {
            displayName: 'Out to Lunch',
            state: 'NotReady',
            workMode: 'AuxWork',
            reason: 'Lunch',
          },
        }),
      ),
    );
    expect(select().disabled).toBe(false);
    expect(select().value).toBe('OutToLunch');
    expect(screen.getByTestId('live-polite').textContent).toBe('Your state is now Out to Lunch');
  });

  it('shows a state outside the catalogue by the name GWS gives it', () => {
    renderPopup(
      signedIn(
        deviceEvent({ userState: { id: 'X1', displayName: 'Coaching', state: 'NotReady' } }),
      ),
    );
    expect(select().value).toBe('');
    expect(select().selectedOptions[0]?.textContent).toBe('Coaching');
  });

  it('counts time in the current state live, and restarts it on a change', () => {
    vi.useFakeTimers();
    const state = signedIn();
    const since = state.agent.devices[0]!.userStateSince;
    const popup = renderPopup(state);
    const timer = () => screen.getByRole('timer', { name: 'Time in state' }).textContent;
    popup.setNow(since + 61_000);
    void act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(timer()).toBe('1:01');
    popup.setNow(since + 62_000);
    void act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(timer()).toBe('1:02');
    const ready = later(
      state,
      deviceEvent({
        userState: {
          id: '9430250E-0A1B-421F-B372-F29E69366DED',
          displayName: 'Ready',
          state: 'Ready',
        },
      }),
      62_000,
    );
    popup.push(ready);
    expect(select().value).toBe('Ready');
    expect(timer()).toBe('0:00');
  });

  it('offers DND and forwarding only when the device offers them', () => {
    renderPopup(
      build([
        snapshotAction((user) => {
          (user.devices as Array<Record<string, unknown>>)[0]!.capabilities = [];
        }),
        { type: 'connection', connection: { kind: 'connected' } },
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Do not disturb' })).toBeNull();
    expect(screen.queryByLabelText('Forward calls to')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop forwarding' })).toBeNull();
  });

  it('turns DND on and off by intent, as a pressed toggle', async () => {
    const state = signedIn();
    const popup = renderPopup(state);
    const dnd = () => screen.getByRole('button', { name: 'Do not disturb' });
    expect(dnd().getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(dnd());
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]).toEqual({
      command: 'device.operation',
      payload: { operation: 'DoNotDisturbOn' },
    });
    const pending = later(state, {
      type: 'intent',
      id: 'DoNotDisturbOn:1',
      operation: 'DoNotDisturbOn',
    });
    popup.push(pending);
    expect((dnd() as HTMLButtonElement).disabled).toBe(true);
    popup.push(
      later(
        pending,
        deviceEvent({ doNotDisturb: 'On', capabilities: ['ForwardCallsOn', 'DoNotDisturbOff'] }),
      ),
    );
    expect(dnd().getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(dnd());
    await waitFor(() => expect(popup.sent).toHaveLength(2));
    expect(popup.sent[1]).toEqual({
      command: 'device.operation',
      payload: { operation: 'DoNotDisturbOff' },
    });
  });

  it('says which device operation failed, in the words of that operation', async () => {
    const popup = renderPopup(signedIn());
    popup.failNext('device.operation', {
      name: 'GwsApiError',
      message: 'no',
      statusCode: 2,
      code: 'rejected',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Do not disturb' }));
    expect(await screen.findByText('Could not turn on do-not-disturb.')).toBeTruthy();
  });

  it('forwards to a destination in any format and stops forwarding', async () => {
    const state = signedIn();
    const popup = renderPopup(state);
    const field = screen.getByLabelText('Forward calls to');
    fireEvent.input(field, { target: { value: 'nowhere' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toContain('not a number that can be dialled');
    expect(popup.sent).toEqual([]);
    fireEvent.input(field, { target: { value: '50 01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]).toEqual({
      command: 'device.operation',
      payload: { operation: 'ForwardCallsOn', params: { destination: '5001' } },
    });
    popup.push(
      later(
        state,
        deviceEvent({ forwardTo: '5001', capabilities: ['ForwardCallsOff', 'DoNotDisturbOn'] }),
      ),
    );
    expect(screen.getByText('Calls forwarded to 5001')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop forwarding' }));
    await waitFor(() => expect(popup.sent).toHaveLength(2));
    expect(popup.sent[1]).toEqual({
      command: 'device.operation',
      payload: { operation: 'ForwardCallsOff' },
    });
  });

  it('shows who is signed in and on which extension', () => {
    renderPopup(signedIn());
    expect(screen.getByText('Ann Agent')).toBeTruthy();
    expect(screen.getByText('Ext. 7001')).toBeTruthy();
  });
});
