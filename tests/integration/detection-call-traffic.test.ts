import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { startSim, type StartedSim } from '../support/sim.ts';
import { agentSession, credentials, type AgentHarness } from '../support/session-harness.ts';
import { waitFor } from '../support/wait-for.ts';
import { CallTrafficGate } from '../../lib/background/call-traffic.ts';
import { ViewPorts } from '../../lib/background/view-ports.ts';
import { DetectionService } from '../../lib/phone/detection-service.ts';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import type { PhoneFinder } from '../../lib/phone/detect-core.ts';
import { VIEW_PORT_NAME, type StatePush } from '../../lib/messaging/protocol.ts';

/**
 * The background's session, view ports and detection service wired as the worker wires them,
 * against the simulator over real HTTP + CometD: while a page's texts wait in the detection
 * queue, a call event crosses the fetch answer, its body, cometd's listeners, the reducer and
 * the view push's own task, and no detection slice may start on that way.
 */

/** Each view push, with when it was sent (performance.now(), the clock of the traces). */
function openView(ports: ViewPorts): Array<{ at: number; callIds: string[] }> {
  let onConnect: ((port: browser.Runtime.Port) => void) | undefined;
  vi.spyOn(browser.runtime, 'onConnect', 'get').mockReturnValue({
    addListener: (listener: (port: browser.Runtime.Port) => void) => (onConnect = listener),
  } as never);
  ports.listen();
  const pushes: Array<{ at: number; callIds: string[] }> = [];
  const port = {
    name: VIEW_PORT_NAME,
    sender: { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') },
    postMessage: (message: StatePush) =>
      void pushes.push({
        at: performance.now(),
        callIds: message.state.calls.calls.map((r) => r.call.id),
      }),
    onDisconnect: { addListener: () => undefined },
    disconnect: () => undefined,
  };
  onConnect?.(port as unknown as browser.Runtime.Port);
  return pushes;
}

/**
 * The detector with half a millisecond of CPU added to each text, so that a page of a few
 * thousand texts keeps the queue busy through the calls (the real cost varies with the
 * machine; what is tested is the order of tasks, not their length).
 */
const slowFind: PhoneFinder = (text, region, options) => {
  const until = performance.now() + 0.5;
  while (performance.now() < until);
  return findPhoneNumbers(text, region, options);
};

describe('a call event while a page is being detected', () => {
  let sim: StartedSim;
  let agent: AgentHarness;

  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await agent?.close();
    await sim?.close();
    vi.restoreAllMocks();
  });

  it('starts no detection slice between the answer that carries the call and its view push', async () => {
    // The bound on a hold has its own unit test; here it is out of the way, so that a slow
    // moment of a shared machine cannot open the gate in the middle of a call's path.
    const gate = new CallTrafficGate({ maxHoldMs: 30_000 });
    const episodes = gate.startTrace();
    let views: ViewPorts | undefined;
    agent = agentSession(sim.baseUrl, {
      traffic: gate,
      onChange: (change) => change.view && views?.changed(),
    });
    views = new ViewPorts(() => agent.session.view, gate);
    const pushes = openView(views);
    const service = new DetectionService({
      find: slowFind,
      gate,
      sliceMs: 4,
      // Node delivers a message port's messages in one go, including those posted meanwhile,
      // so the worker's message-channel yield would keep Node's I/O out; setImmediate is the
      // Node task that runs after the I/O waiting now, as a message task does in the worker.
      yieldThen: (task) => void setImmediate(task),
    });
    const slices = service.startTrace();

    await agent.session.login(credentials(sim.baseUrl, 'agent1'));
    await agent.until((s) => s.connection.kind === 'connected', 'connected');
    // A page that sends batch after batch (as the overlay does) until the calls are over.
    let paging = true;
    let row = 0;
    const page = (async () => {
      while (paging) {
        const batch = Array.from({ length: 200 }, () => ({ text: `Row ${row++}: 415-555-0100` }));
        await service.detect(batch, { region: 'US' });
      }
    })();

    const pushedAt: number[] = [];
    for (let n = 0; n < 3; n++) {
      const { callId } = await sim.control.call({ to: 'agent1', from: `+1415555020${n}` });
      const push = await waitFor(() => pushes.find((p) => p.callIds.includes(callId)), {
        timeoutMs: 10_000,
        message: `the view push with ${callId}`,
      });
      pushedAt.push(push.at);
      await sim.control.remote(callId, 'hangup');
      await agent.until((s) => !s.calls.some((r) => r.call.id === callId), `${callId} gone`);
    }
    paging = false;
    await page;

    for (const at of pushedAt) {
      // The call's path: from the answer reaching the transport to the push, one run of holds.
      const episode = episodes.find((e) => e.start <= at && at <= e.end);
      expect(episode?.holds).toBeGreaterThanOrEqual(2);
      const onPath = slices.filter((s) => s.start > episode!.start && s.start < at);
      expect(onPath).toEqual([]);
      // Slices ran right before and after it: the page was being detected all along.
      expect(slices.some((s) => s.end <= episode!.start && s.end > episode!.start - 50)).toBe(true);
      expect(slices.some((s) => s.start > at && s.start < at + 50)).toBe(true);
    }
  });
});
