/**
 * The background's directory against the simulator over real HTTP + CometD: it reads the
 * agents GWS lists (`GET /api/v2/users`, strict mode) with DN, device URI and state, reads
 * them again only when asked or stale, names an internal caller from them, and keeps working
 * (favourites and recents only) when GWS refuses the list.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSim, type StartedSim } from '../support/sim.ts';
import { agentSession, credentials, type AgentHarness } from '../support/session-harness.ts';
import { Directory } from '../../lib/background/directory.ts';
import { otherParty } from '../../lib/calls/other-party.ts';
import { DiagnosticsLog } from '../../lib/diagnostics/diagnostics-log.ts';

let sim: StartedSim;
let anna: AgentHarness;
let ben: AgentHarness;
let clock = 1_000_000;

beforeAll(async () => {
  sim = await startSim();
  anna = agentSession(sim.baseUrl);
  ben = agentSession(sim.baseUrl);
  await anna.session.login(credentials(sim.baseUrl, 'agent1'));
  await ben.session.login(credentials(sim.baseUrl, 'agent2'));
  await anna.until((s) => s.connection.kind === 'connected', 'agent1 connected');
  await ben.until((s) => s.connection.kind === 'connected', 'agent2 connected');
});
afterAll(async () => {
  await anna?.close();
  await ben?.close();
  await sim?.close();
});
beforeEach(() => fakeBrowser.reset());

function directoryFor(harness: AgentHarness): Directory {
  const directory = new Directory({
    session: () => harness.session,
    diagnostics: () => new DiagnosticsLog(),
    now: () => clock,
  });
  directory.start();
  return directory;
}

describe('the agent directory', () => {
  it('lists the other agents with DN, device URI and state, as the simulator has them', async () => {
    const directory = directoryFor(anna);
    directory.onChange(anna.session.view);
    const list = await directory.agents('if-stale');
    expect(list.status).toBe('ok');
    expect(list.agent).toBe(`agent1@${sim.baseUrl}`);
    expect(list.agents.map((a) => a.userName)).toEqual(['agent2', 'agent3', 'supervisor1']);
    const truth = await sim.control.agent('agent2');
    const benEntry = list.agents.find((a) => a.userName === 'agent2');
    expect(benEntry).toMatchObject({
      name: 'Ben Okafor',
      dn: '7002',
      // Strict mode sends no device uri: it is built as every call's deviceUri is (§6.1).
      deviceUri: `${sim.baseUrl}/api/v2/devices/${truth.deviceId as string}`,
      presence: { loggedIn: true, state: 'NotReady' },
    });
    expect(list.agents.find((a) => a.userName === 'agent3')?.presence).toBeUndefined();
    // Views read it from storage.session.
    const stored = await fakeBrowser.storage.session.get('agentDirectory');
    expect(stored.agentDirectory).toEqual(list);
  });

  it('reads the list again only when stale or asked, and then sees the new state', async () => {
    const directory = directoryFor(anna);
    directory.onChange(anna.session.view);
    await directory.agents('if-stale');
    const reads = async () =>
      (await sim.control.requests()).filter((r) => r.path.startsWith('/api/v2/users')).length;
    const before = await reads();
    await ben.session.operate({ kind: 'agent-state', operationName: 'OutToLunch' });
    await ben.until((s) => s.agent.devices[0]?.device.userState?.reason === 'Lunch', 'lunch');
    const cached = await directory.agents('if-stale');
    expect(await reads()).toBe(before);
    expect(cached.agents.find((a) => a.dn === '7002')?.presence?.state).toBe('NotReady');
    clock += 61_000;
    const fresh = await directory.agents('if-stale');
    expect(await reads()).toBe(before + 1);
    expect(fresh.agents.find((a) => a.dn === '7002')?.presence).toMatchObject({
      displayName: 'Out to Lunch',
      reason: 'Lunch',
    });
  });

  it('names an internal caller after the agent whose DN it is', async () => {
    const directory = directoryFor(anna);
    directory.onChange(anna.session.view);
    await directory.agents('now');
    await ben.session.operate({ kind: 'dial', phoneNumber: '7001' });
    const state = await anna.until(
      (s) => s.calls.some((r) => r.call.state === 'Ringing'),
      'agent2 ringing agent1',
    );
    const ringing = state.calls.find((r) => r.call.state === 'Ringing')!;
    const party = otherParty(ringing.call, { resolveName: directory.resolveName });
    expect(party).toMatchObject({ number: '7002', name: 'Ben Okafor' });
    await ben.session.client.callOperation(ben.calls().calls[0]!.call.id, 'Hangup');
    await anna.until((s) => s.calls.length === 0, 'call gone');
  });

  it('says the list is refused where GWS keeps it to supervisors, and still names nobody wrongly', async () => {
    await sim.control.config({ agentsListUsers: false });
    try {
      const directory = directoryFor(anna);
      directory.onChange(anna.session.view);
      const list = await directory.agents('now');
      expect(list).toMatchObject({ status: 'forbidden', agents: [] });
      const party = otherParty(
        { callType: 'Internal', ani: '7002', participants: [], userData: {} },
        { resolveName: directory.resolveName },
      );
      expect(party.name).toBeUndefined();
      // A supervisor still gets it.
      const sam = agentSession(sim.baseUrl);
      await sam.session.login(credentials(sim.baseUrl, 'supervisor1'));
      const forSam = directoryFor(sam);
      forSam.onChange(sam.session.view);
      expect((await forSam.agents('now')).agents.map((a) => a.userName)).toContain('agent1');
      await sam.close();
    } finally {
      await sim.control.config({ agentsListUsers: true });
    }
  });
});
