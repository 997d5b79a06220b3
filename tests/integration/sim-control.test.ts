/**
 * The control API itself (/sim/...): state truth, call injection, remote parties, scenarios,
 * the console folder and reset.
 */
import { request } from 'node:http';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
let consoleDir: string;
const open: SimAgent[] = [];

beforeAll(async () => {
  // Why a temporary folder: the real console is built elsewhere; the serving rules are the subject here.
  consoleDir = mkdtempSync(join(tmpdir(), 'sim-console-'));
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(consoleDir, 'app.js'), 'export const x = 1;');
  // The simulator's own wire tests check its generous members too (strict: sim-strict.test.ts).
  s = await startSim({ consoleDir, strict: false });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.disconnect()));
  await s.control.reset();
});
afterAll(async () => {
  await s.close();
  rmSync(consoleDir, { recursive: true, force: true });
});

async function ready(user: string): Promise<SimAgent> {
  const a = await readyAgent(s.baseUrl, user);
  open.push(a);
  return a;
}

describe('state and requests', () => {
  it('reports agents, devices, calls, sessions, config and faults', async () => {
    const before = await s.control.state();
    expect(before.agents.map((a) => a.userName)).toEqual([
      'agent1',
      'agent2',
      'agent3',
      'supervisor1',
    ]);
    const a1 = before.agents[0] as Wire;
    expect(a1).toMatchObject({ dn: '7001', contactCenterSession: false, calls: [], channels: [] });
    expect(a1.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a1.userId).toMatch(/^[0-9a-f]{32}$/);
    expect(a1.device).toMatchObject({
      id: a1.deviceId,
      deviceState: 'Inactive',
      phoneNumber: '7001',
    });
    expect(before.config).toMatchObject({
      longPollTimeoutMs: 2000,
      participantFormat: 'objects',
      remoteAnswerDelayMs: 100,
      csrf: true,
    });
    expect(before.faults).toMatchObject({
      voiceDown: false,
      stall: false,
      duplicate: false,
      reorder: false,
    });
    expect(before.httpSessions).toBe(0);
    const a = await ready('agent1');
    const { callId } = await s.control.call({
      to: '7001',
      from: '+14155550111',
      userData: { Source: 'test' },
    });
    const after = await s.control.state();
    expect(after.httpSessions).toBe(1);
    expect(after.cometdClients).toBe(1);
    const mine = after.agents[0] as Wire;
    expect(mine.contactCenterSession).toBe(true);
    expect(mine.calls).toEqual([
      expect.objectContaining({
        id: callId,
        state: 'Ringing',
        ani: '+14155550111',
        userData: { Source: 'test' },
      }),
    ]);
    expect((await a.get('/api/v2/me/calls?fields=*')).body.calls[0].id).toBe(callId);
    await s.control.clearRequests();
    expect(await s.control.requests()).toEqual([]);
  });
});

describe('calls and remote parties', () => {
  it('validates call injection', async () => {
    const cases: Array<[Record<string, unknown>, number]> = [
      [{}, 1],
      [{ to: 'ghost' }, 6],
      [{ to: 'agent1', from: 'agent1' }, 2],
      [{ to: 'agent1', callType: 'Outbound' }, 10],
      [{ to: 'agent1', userData: 'x' }, 1],
    ];
    for (const [body, code] of cases)
      expect((await s.control.send('POST', '/sim/calls', body)).statusCode).toBe(code);
    const bad = await fetch(`${s.baseUrl}/sim/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{nope',
    });
    expect(((await bad.json()) as Wire).statusCode).toBe(1);
    expect((await s.control.send('GET', '/sim/nothing')).statusCode).toBe(6);
  });

  it('an internal call type can be injected; the remote party hangs up on request', async () => {
    const a = await ready('agent2');
    const { callId } = await s.control.call({
      to: 'agent2',
      from: '4455',
      callType: 'Internal',
      dnis: '7002',
    });
    expect((await a.nextCall({ state: 'Ringing' })).call).toMatchObject({
      id: callId,
      callType: 'Internal',
      ani: '4455',
    });
    expect(
      (await s.control.send('POST', `/sim/calls/${callId}/remote`, { action: 'answer' }))
        .statusCode,
    ).toBe(2);
    expect(
      (await s.control.send('POST', `/sim/calls/${callId}/remote`, { action: 'dance' })).statusCode,
    ).toBe(10);
    expect(
      (await s.control.send('POST', '/sim/calls/NOPE/remote', { action: 'hangup' })).statusCode,
    ).toBe(6);
    await s.control.remote(callId, 'hangup');
    await a.nextCall({ state: 'Released', callId });
  });

  it('a dialled number scripted not to answer can be answered from the control API', async () => {
    const a = await ready('agent1');
    await s.control.remoteParty('+1 (617) 555-0188', { behaviour: 'no-answer' });
    await a.dial('+16175550188');
    const id = (await a.nextCall({ state: 'Dialing' })).call.id;
    await s.control.remote(id, 'answer');
    expect((await a.nextCall({ state: 'Established' })).call.id).toBe(id);
    expect(
      (await s.control.send('PUT', '/sim/remote-parties/123', { behaviour: 'maybe' })).statusCode,
    ).toBe(10);
    expect(await s.control.remoteParties()).toEqual([
      expect.objectContaining({ number: '+1 (617) 555-0188', behaviour: 'no-answer' }),
    ]);
    expect(
      (
        await s.control.send('PUT', '/sim/remote-parties/123', {
          behaviour: 'answer',
          answerDelayMs: 'soon',
        })
      ).statusCode,
    ).toBe(10);
  });

  it('a call between agents has no external party to act for', async () => {
    await ready('agent1');
    const { callId } = await s.control.call({ to: 'agent1', from: 'agent2' });
    expect(
      (await s.control.send('POST', `/sim/calls/${callId}/remote`, { action: 'hangup' }))
        .statusCode,
    ).toBe(2);
  });
});

/** A control request with exactly these headers (fetch cannot set Host). */
function rawControl(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: Wire }> {
  return new Promise((resolve, reject) => {
    const req = request(`${s.baseUrl}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Wire }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('what a web page can forge', () => {
  const inject = JSON.stringify({ to: 'agent1', from: '+15550666' });

  it('refuses a text/plain POST from a foreign origin and injects no call', async () => {
    const host = new URL(s.baseUrl).host;
    for (const origin of ['http://127.0.0.1:1', 'null', 'http://sibling.localhost:8080']) {
      const r = await rawControl(
        'POST',
        '/sim/calls',
        { Host: host, Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
        inject,
      );
      expect(r.status).toBe(403);
      expect(r.body.statusCode).toBe(5);
    }
    // JSON from a foreign origin (a preflight the simulator never grants) is refused too.
    const json = await rawControl(
      'POST',
      '/sim/calls',
      { Host: host, Origin: 'http://127.0.0.1:1', 'Content-Type': 'application/json' },
      inject,
    );
    expect(json.status).toBe(403);
    // A DNS-rebinding page is "same origin" with itself, not with the simulator.
    const port = new URL(s.baseUrl).port;
    const rebound = await rawControl(
      'POST',
      '/sim/calls',
      {
        Host: `evil.test:${port}`,
        Origin: `http://evil.test:${port}`,
        'Content-Type': 'application/json',
      },
      inject,
    );
    expect(rebound.status).toBe(403);
    expect((await s.control.agent('agent1')).calls).toEqual([]);
  });

  it('takes only JSON, and only from no origin or its own console', async () => {
    const host = new URL(s.baseUrl).host;
    const plain = await rawControl(
      'POST',
      '/sim/calls',
      { Host: host, 'Content-Type': 'text/plain' },
      inject,
    );
    expect(plain.status).toBe(415);
    expect(plain.body.statusCode).toBe(1);
    const console = await rawControl(
      'POST',
      '/sim/calls',
      { Host: host, Origin: new URL(s.baseUrl).origin, 'Content-Type': 'application/json' },
      inject,
    );
    expect(console.status).toBe(200);
    const noBrowser = await rawControl('POST', '/sim/reset', { Host: host }, '');
    expect(noBrowser.body.statusCode).toBe(0);
  });
});

describe('scenarios', () => {
  it('lists the scenario files and refuses unknown ones', async () => {
    expect(await s.control.scenarios()).toEqual(
      expect.arrayContaining(['busy-hour', 'transfer-chain']),
    );
    expect((await s.control.send('POST', '/sim/scenarios/nope/run', {})).statusCode).toBe(6);
    expect(
      (await s.control.send('POST', '/sim/scenarios/busy-hour/run', { speed: -2 })).statusCode,
    ).toBe(10);
    expect(
      (await s.control.send('POST', '/sim/scenarios/busy-hour/run', { agent: 'ghost' })).statusCode,
    ).toBe(6);
  });

  it('refuses a scenario file with a typo, naming every problem, and runs none of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-scenarios-'));
    const other = await startSim({ scenariosDir: dir });
    try {
      writeFileSync(
        join(dir, 'typos.json'),
        JSON.stringify({
          steps: [
            { at: 0, action: 'call', to: '$agent', lable: 'c1' },
            { at: 100, action: 'remote-hangp', call: 'c1' },
            { at: 200, action: 'agent-op', agent: 'agent2', operationName: 'CompleteTransfr' },
            { at: 300, action: 'login' },
          ],
        }),
      );
      writeFileSync(join(dir, 'broken.json'), '{"steps": [');
      const r = await other.control.send('POST', '/sim/scenarios/typos/run', {});
      expect(r.statusCode).toBe(1);
      expect(r.statusMessage).toContain("step 1 has an unknown member 'lable'");
      expect(r.statusMessage).toContain('step 2 has an unknown action "remote-hangp"');
      expect(r.statusMessage).toContain("step 3 names an unknown operation 'CompleteTransfr'");
      expect(r.statusMessage).toContain("step 4 (login) needs 'agent'");
      expect((await other.control.agent('agent1')).calls).toEqual([]);
      expect((await other.control.send('GET', '/sim/scenarios')).running).toEqual([]);
      const broken = await other.control.send('POST', '/sim/scenarios/broken/run', {});
      expect(broken.statusCode).toBe(1);
      expect(broken.statusMessage).toMatch(/not valid JSON/);
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('busy-hour rings the agent with calls from several countries carrying routing data', async () => {
    const a = await ready('agent1');
    await s.control.runScenario('busy-hour', { agent: 'agent1', speed: 40 });
    const rings: Wire[] = [];
    for (let i = 0; i < 4; i++) rings.push((await a.nextCall({ state: 'Ringing' }, 8_000)).call);
    const countries = new Set(rings.map((c) => c.participants[0].country?.code));
    expect(countries.size).toBeGreaterThanOrEqual(3);
    for (const c of rings) {
      expect(c.callType).toBe('Inbound');
      expect(c.userData.CustomerName).toEqual(expect.any(String));
      expect(c.ani).toMatch(/^\+\d+$/);
    }
    await a.nextCall({ state: 'Released' }, 8_000);
    expect((await s.control.stopScenarios()).stopped).toBe(1);
    expect(((await s.control.send('GET', '/sim/scenarios')).running as unknown[]).length).toBe(0);
  });

  it('transfer-chain: a simulated agent consults and transfers the customer to the agent', async () => {
    const a = await ready('agent1');
    await s.control.runScenario('transfer-chain', { agent: 'agent1', speed: 10 });
    const ring = (await a.nextCall({ state: 'Ringing' }, 5_000)).call;
    expect(ring).toMatchObject({
      callType: 'Consult',
      ani: '7002',
      userData: { TransferReason: 'Billing dispute over 500 EUR', CustomerName: 'Jonas Weber' },
    });
    await a.callOp(ring.id, 'Answer');
    await a.nextCall({ state: 'Established', callId: ring.id });
    const handedOver = (
      await a.nextCall({ notificationType: 'ParticipantsUpdated', callId: ring.id }, 5_000)
    ).call;
    expect(handedOver.participants.map((p: Wire) => p.phoneNumber)).toEqual(['+4930901820']);
    expect(
      (await a.callOp(ring.id, 'SingleStepTransfer', { destination: { phoneNumber: '7003' } })).body
        .statusCode,
    ).toBe(0);
    await a.nextCall({ state: 'Released', callId: ring.id });
    await waitFor(async () => (await s.control.agent('agent3')).calls[0]?.state === 'Established', {
      message: 'agent3 answered',
    });
  });
});

describe('console and reset', () => {
  it('serves the console folder under /sim/ and nothing outside it', async () => {
    const index = await fetch(`${s.baseUrl}/sim/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    const js = await fetch(`${s.baseUrl}/sim/console/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${s.baseUrl}/sim/console/missing.js`)).status).toBe(404);
    expect((await fetch(`${s.baseUrl}/sim/console/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    const moved = `${consoleDir}-away`;
    renameSync(consoleDir, moved);
    try {
      expect((await fetch(`${s.baseUrl}/sim/`)).status).toBe(404);
    } finally {
      renameSync(moved, consoleDir);
    }
  });

  it('reset returns to the initial state', async () => {
    await ready('agent1');
    await s.control.call({ to: 'agent1' });
    await s.control.voiceDown(true);
    await s.control.config({ participantFormat: 'legacy' });
    await s.control.reset();
    const st = await s.control.state();
    expect(
      st.agents.every(
        (a) =>
          a.calls.length === 0 && !a.contactCenterSession && a.device.deviceState === 'Inactive',
      ),
    ).toBe(true);
    expect(st.faults.voiceDown).toBe(false);
    expect(st.config.participantFormat).toBe('objects');
    expect((await s.control.getConfig()).participantFormat).toBe('objects');
    expect(st.httpSessions).toBe(0);
    await waitFor(async () => (await s.control.state()).cometdClients === 0, {
      message: 'clients dropped',
    });
  });
});
