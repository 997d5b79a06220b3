import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { ViewPorts } from '../../lib/background/view-ports.ts';
import { initialCallsState, reduce, type CallsState } from '../../lib/calls/index.ts';
import { projectView, type ViewState } from '../../lib/messaging/view-state.ts';
import { VIEW_PORT_NAME, type StatePush } from '../../lib/messaging/protocol.ts';
import { callEvent } from '../fixtures/gws/builders.ts';

/**
 * The fake browser has no `runtime.onConnect`, so the one listener is captured here and fed a
 * port that records what it was sent; everything else is the real ViewPorts.
 */
function openView(ports: ViewPorts): StatePush[] {
  let onConnect: ((port: browser.Runtime.Port) => void) | undefined;
  vi.spyOn(browser.runtime, 'onConnect', 'get').mockReturnValue({
    addListener: (listener: (port: browser.Runtime.Port) => void) => (onConnect = listener),
  } as never);
  ports.listen();
  const received: StatePush[] = [];
  const port = {
    name: VIEW_PORT_NAME,
    sender: { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') },
    postMessage: (message: StatePush) => void received.push(message),
    onDisconnect: { addListener: () => undefined },
    disconnect: () => undefined,
  };
  onConnect?.(port as unknown as browser.Runtime.Port);
  return received;
}

describe('views get views', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('projects only what views render: no tombstones, alerted ids or alert queue', () => {
    let state: CallsState = initialCallsState(0);
    state = reduce(state, { type: 'connection', connection: { kind: 'connected' } }, 1);
    state = reduce(state, { type: 'event', event: callEvent('C1', 'Ringing') }, 2);
    state = reduce(state, { type: 'event', event: callEvent('C1', 'Released') }, 3);
    expect(state.tombstones).toContain('C1');
    expect(state.alertedIds).toContain('C1');
    const view = projectView(state, { serverUrl: 'http://gws', username: 'agent1' });
    expect(Object.keys(view.calls).sort()).toEqual(
      ['agent', 'calls', 'clock', 'connection', 'ended', 'intents'].sort(),
    );
    expect(view).toMatchObject({ serverUrl: 'http://gws', username: 'agent1' });
  });

  it('pushes once per burst of changes, with the latest view', () => {
    let sequence = 0;
    const current = (): ViewState => ({
      username: `v${sequence}`,
      calls: projectView(initialCallsState(0)).calls,
    });
    const ports = new ViewPorts(current);
    const received = openView(ports);
    expect(received.map((p) => p.state.username)).toEqual(['v0']);
    for (sequence = 1; sequence <= 20; sequence++) ports.changed();
    sequence = 20;
    expect(received).toHaveLength(1);
    vi.runAllTimers();
    expect(received.map((p) => p.state.username)).toEqual(['v0', 'v20']);
    ports.changed();
    vi.runAllTimers();
    expect(received).toHaveLength(3);
  });

  it('holds call traffic from a change until its push has gone out', () => {
    const holds: string[] = [];
    let received: StatePush[] = [];
    const traffic = {
      hold: () => {
        holds.push('hold');
        // What the view had been sent when the traffic ended.
        return () => void holds.push(`release after ${received.length} pushes`);
      },
    };
    const ports = new ViewPorts(
      () => ({ calls: projectView(initialCallsState(0)).calls }),
      traffic,
    );
    received = openView(ports);
    ports.changed();
    ports.changed();
    expect(holds).toEqual(['hold']);
    vi.runAllTimers();
    expect(holds).toEqual(['hold', 'release after 2 pushes']);
  });
});
