import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSim, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import { extensionCommands, sendRuntimeMessage } from '../support/extension-commands.ts';

interface AttackOutcome {
  token: string | null;
  readError?: string;
  dialStatus?: number;
  dialError?: string;
}

/**
 * Runs in the hostile page (its own origin, the page's main world): everything a script on
 * another port of the GWS host can try against a signed-in agent. Self-contained, because
 * evaluate() sends its source text to the page.
 */
async function attack(gws: string): Promise<AttackOutcome> {
  const out: AttackOutcome = { token: null };
  let deviceId = 'unknown';
  try {
    const me = await fetch(`${gws}/api/v2/me/devices?fields=*`, { credentials: 'include' });
    out.token = me.headers.get('X-CSRF-TOKEN');
    deviceId = ((await me.json()) as { devices: Array<{ id: string }> }).devices[0]?.id ?? '';
  } catch (e) {
    out.readError = String(e);
  }
  const dial = JSON.stringify({ operationName: 'Dial', destination: { phoneNumber: '+15550199' } });
  try {
    const r = await fetch(`${gws}/api/v2/me/devices/${deviceId}/calls`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': out.token ?? '' },
      body: dial,
    });
    out.dialStatus = r.status;
  } catch (e) {
    out.dialError = String(e);
  }
  // What needs no CORS at all: a "simple" request, whose answer the page never sees.
  await fetch(`${gws}/api/v2/me`, {
    method: 'POST',
    mode: 'no-cors',
    credentials: 'include',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ operationName: 'NotReady' }),
  }).catch(() => undefined);
  await fetch(`${gws}/sim/calls`, {
    method: 'POST',
    mode: 'no-cors',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ to: 'agent1', from: '+15550666' }),
  }).catch(() => undefined);
  return out;
}

// A page from another port of the GWS host is same-site with GWS: the agent's JSESSIONID goes
// along with its requests. Only CORS (what the page may read) and the CSRF token stand between
// it and the agent's phone; the control API must refuse it on its own.
describe('Chromium: a hostile page on another port of the GWS host', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let popup: Page;
  let hostile: Server;
  let hostileUrl: string;

  const commands = extensionCommands((message) => popup.evaluate(sendRuntimeMessage, message));

  beforeAll(async () => {
    sim = await startSim();
    hostile = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end('<!doctype html><title>Prize draw</title><p>You won!</p>');
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`;
    ext = await launchChromiumWithExtension();
    popup = await ext.openPage('popup.html');
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
    await new Promise((resolve) => hostile?.close(resolve));
  });

  it('cannot read the CSRF token, dial, change the agent state or inject a call', async () => {
    await commands.login(sim.baseUrl, 'agent1');
    await commands.until((v) => v.calls.connection.kind === 'connected', 'connected');
    await sim.control.clearRequests();
    const stateBefore = (await sim.control.agent('agent1')).device;

    const page = await ext.context.newPage();
    await page.goto(hostileUrl);
    const outcome = await page.evaluate(attack, sim.baseUrl);

    expect(outcome.token).toBeNull();
    expect(outcome.dialStatus).toBeUndefined();
    const log = await sim.control.requests();
    expect(log.filter((r) => r.operationName === 'Dial')).toEqual([]);
    expect(log.filter((r) => r.method === 'POST' && r.httpStatus < 400)).toEqual([]);
    const agent = await sim.control.agent('agent1');
    expect(agent.calls).toEqual([]);
    expect(agent.device).toEqual(stateBefore);
    // The extension itself still works.
    await sim.control.call({ to: 'agent1' });
    await commands.until((v) => v.calls.calls.length === 1, 'the extension sees a real call');
  });
});
