/**
 * Supervisor monitoring (gws-api.md §4.3, §4.9): ListenIn / Coach / BargeIn on an agent's
 * device, the supervisor's monitoring call, the Switch* call operations and cancelling.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const open: SimAgent[] = [];
const CUSTOMER = '+442071838750';
const numbers = (call: Wire) => call.participants.map((p: Wire) => p.phoneNumber).sort();

beforeAll(async () => {
  // The simulator's own wire tests check its generous members too (strict: sim-strict.test.ts).
  s = await startSim({ strict: false });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.disconnect()));
  await s.control.reset();
});
afterAll(async () => {
  await s.close();
});

async function ready(user: string): Promise<SimAgent> {
  const a = await readyAgent(s.baseUrl, user);
  open.push(a);
  return a;
}

async function agentDeviceUri(user: string): Promise<string> {
  return (await s.control.agent(user)).device.uri as string;
}

async function customerCall(a: SimAgent): Promise<Wire> {
  const { callId } = await s.control.call({ to: a.userName, from: CUSTOMER });
  await a.nextCall({ state: 'Ringing', callId });
  await a.callOp(callId, 'Answer');
  return (await a.nextCall({ state: 'Established', callId })).call;
}

describe('supervisor monitoring', () => {
  it('only supervisors may monitor, with valid parameters', async () => {
    const a = await ready('agent1');
    const sup = await ready('supervisor1');
    const target = await agentDeviceUri('agent1');
    expect(
      (await a.deviceOp('ListenIn', { targetDeviceUri: await agentDeviceUri('agent2') })).body
        .statusCode,
    ).toBe(5);
    expect((await sup.deviceOp('ListenIn', {})).body.statusCode).toBe(1);
    // The device's URI (§4.3), not its bare id nor another resource's URI.
    const deviceId = target.split('/').at(-1)!;
    for (const notADeviceUri of [deviceId, `${s.baseUrl}/api/v2/me/calls/${deviceId}`]) {
      expect(
        (await sup.deviceOp('ListenIn', { targetDeviceUri: notADeviceUri })).body.statusCode,
        notADeviceUri,
      ).toBe(10);
    }
    expect(
      (
        await sup.deviceOp('ListenIn', {
          targetDeviceUri: `${s.baseUrl}/api/v2/devices/00000000-0000-4000-8000-000000000000`,
        })
      ).body.statusCode,
    ).toBe(6);
    expect(
      (
        await sup.deviceOp('ListenIn', {
          targetDeviceUri: target,
          supervisorMonitoringMode: 'Sometimes',
        })
      ).body.statusCode,
    ).toBe(10);
    expect((await sup.deviceOp('CancelSupervisorMonitoring')).body.statusCode).toBe(2);
    expect(sup.pending()).toEqual([]);
  });

  it('ListenIn, then the monitored call, SwitchToBargeIn and CancelSupervisorMonitoring', async () => {
    const a = await ready('agent1');
    const sup = await ready('supervisor1');
    const target = await agentDeviceUri('agent1');
    expect((await sup.deviceOp('ListenIn', { targetDeviceUri: target })).body.statusCode).toBe(0);
    const dev = (await sup.nextDevice()).devices[0];
    expect(dev.supervisorMonitoringState).toEqual({
      state: 'ListenIn',
      mode: 'AllCalls',
      scope: 'Call',
      targetDeviceUri: target,
    });
    // While monitoring, the device keeps ListenIn/Coach/BargeIn and adds Cancel and Mute.
    expect(dev.capabilities).toEqual(
      expect.arrayContaining([
        'ListenIn',
        'Coach',
        'BargeIn',
        'CancelSupervisorMonitoring',
        'MuteMonitoredUser',
      ]),
    );
    expect(dev.capabilities).not.toContain('UnmuteMonitoredUser');

    const call = await customerCall(a);
    const mon = (await sup.nextCall({ state: 'Established' })).call;
    expect(mon).toMatchObject({ monitoring: true, connId: call.connId });
    expect(numbers(mon)).toEqual([CUSTOMER, '7001'].sort());
    expect(mon.capabilities.sort()).toEqual(['Hangup', 'SwitchToBargeIn', 'SwitchToCoach']);
    const listened = (await a.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(listened.supervisorListeningIn).toBe(true);
    expect(numbers(listened)).toEqual([CUSTOMER]);

    expect((await sup.callOp(mon.id, 'SwitchToBargeIn')).body.statusCode).toBe(0);
    const barged = (await sup.nextCall({ callId: mon.id })).call;
    expect(barged.capabilities).toEqual(
      expect.arrayContaining(['SwitchToListenIn', 'RemoveParticipantFromConference', 'Hangup']),
    );
    expect(barged.capabilities).not.toContain('SwitchToCoach');
    expect((await sup.nextDevice()).devices[0].supervisorMonitoringState.state).toBe('BargeIn');
    const joined = (await a.nextCall({ notificationType: 'ParticipantsUpdated' })).call;
    expect(numbers(joined)).toEqual([CUSTOMER, '7009'].sort());
    expect(joined.supervisorListeningIn).toBe(false);
    expect((await sup.callOp(mon.id, 'SwitchToCoach')).body.statusCode).toBe(2);

    expect((await sup.deviceOp('CancelSupervisorMonitoring')).body.statusCode).toBe(0);
    const cancelled = (await sup.nextDevice()).devices[0];
    expect(cancelled).not.toHaveProperty('supervisorMonitoringState');
    expect(cancelled.capabilities).toEqual(
      expect.arrayContaining(['ListenIn', 'Coach', 'BargeIn']),
    );
    expect((await sup.nextCall({ state: 'Released', callId: mon.id })).call.capabilities).toEqual(
      [],
    );
    expect(numbers((await a.nextCall({ notificationType: 'ParticipantsUpdated' })).call)).toEqual([
      CUSTOMER,
    ]);
  });

  it('NextCall monitoring ends with the monitored call', async () => {
    const a = await ready('agent2');
    const sup = await ready('supervisor1');
    await sup.deviceOp('Coach', {
      targetDeviceUri: await agentDeviceUri('agent2'),
      supervisorMonitoringMode: 'NextCall',
      supervisorMonitoringScope: 'Agent',
    });
    expect((await sup.nextDevice()).devices[0].supervisorMonitoringState).toMatchObject({
      state: 'Coach',
      mode: 'NextCall',
      scope: 'Agent',
    });
    const call = await customerCall(a);
    const mon = (await sup.nextCall({ state: 'Established' })).call;
    expect(mon.capabilities.sort()).toEqual(['Hangup', 'SwitchToBargeIn', 'SwitchToListenIn']);
    await a.callOp(call.id, 'Hangup');
    await sup.nextCall({ state: 'Released', callId: mon.id });
    expect((await sup.nextDevice()).devices[0]).not.toHaveProperty('supervisorMonitoringState');
  });

  it('Coach while listening in switches the monitoring call; another agent replaces the target', async () => {
    const a = await ready('agent1');
    await ready('agent2');
    const sup = await ready('supervisor1');
    await sup.deviceOp('ListenIn', { targetDeviceUri: await agentDeviceUri('agent1') });
    await sup.nextDevice();
    const call = await customerCall(a);
    const mon = (await sup.nextCall({ state: 'Established' })).call;
    expect(
      (await sup.deviceOp('Coach', { targetDeviceUri: await agentDeviceUri('agent1') })).body
        .statusCode,
    ).toBe(0);
    const coached = (await sup.nextCall({ callId: mon.id })).call;
    expect(coached.capabilities.sort()).toEqual(['Hangup', 'SwitchToBargeIn', 'SwitchToListenIn']);
    expect((await sup.nextDevice()).devices[0].supervisorMonitoringState.state).toBe('Coach');
    const other = await agentDeviceUri('agent2');
    expect((await sup.deviceOp('BargeIn', { targetDeviceUri: other })).body.statusCode).toBe(0);
    expect((await sup.nextCall({ state: 'Released', callId: mon.id })).call.connId).toBe(
      call.connId,
    );
    await sup.nextDevice();
    expect((await sup.nextDevice()).devices[0].supervisorMonitoringState).toMatchObject({
      state: 'BargeIn',
      targetDeviceUri: other,
    });
  });

  it('MuteMonitoredUser and UnmuteMonitoredUser toggle the flag on the monitoring call', async () => {
    const a = await ready('agent1');
    const sup = await ready('supervisor1');
    expect((await sup.deviceOp('MuteMonitoredUser')).body.statusCode).toBe(2);
    expect((await a.deviceOp('MuteMonitoredUser')).body.statusCode).toBe(5);
    await sup.deviceOp('BargeIn', { targetDeviceUri: await agentDeviceUri('agent1') });
    await sup.nextDevice();
    await customerCall(a);
    const mon = (await sup.nextCall({ state: 'Established' })).call;
    expect(mon.monitoredUserMuted).toBe(false);

    expect((await sup.deviceOp('MuteMonitoredUser')).body.statusCode).toBe(0);
    const muted = (await sup.nextDevice()).devices[0];
    expect(muted.capabilities).toContain('UnmuteMonitoredUser');
    expect(muted.capabilities).not.toContain('MuteMonitoredUser');
    expect((await sup.nextCall({ callId: mon.id })).call.monitoredUserMuted).toBe(true);
    expect((await sup.deviceOp('MuteMonitoredUser')).body.statusCode).toBe(2);

    expect((await sup.deviceOp('UnmuteMonitoredUser')).body.statusCode).toBe(0);
    expect((await sup.nextDevice()).devices[0].capabilities).toContain('MuteMonitoredUser');
    expect((await sup.nextCall({ callId: mon.id })).call.monitoredUserMuted).toBe(false);
  });
});

describe('supervisor monitoring on the wire in strict mode', () => {
  let strict: StartedSim;
  const agents: SimAgent[] = [];
  beforeAll(async () => {
    strict = await startSim();
  });
  afterAll(async () => {
    await Promise.all(agents.map((a) => a.disconnect()));
    await strict.close();
  });

  const DOCUMENTED_CALL = [
    'id',
    'state',
    'callUuid',
    'connId',
    'deviceUri',
    'uri',
    'path',
    'participants',
    'ani',
    'dnis',
    'callType',
    'capabilities',
    'userData',
    'duration',
    'mute',
    'recordingState',
    'supervisorListeningIn',
    'monitoredUserMuted',
    'monitoring',
  ];
  const undocumented = (call: Wire) =>
    Object.keys(call).filter((k) => !DOCUMENTED_CALL.includes(k));

  it('the monitored agent is told a supervisor listens or coaches, and when it stops', async () => {
    const a = await readyAgent(strict.baseUrl, 'agent1');
    const sup = await readyAgent(strict.baseUrl, 'supervisor1');
    agents.push(a, sup);
    // Strict devices carry no `uri` (§6.3); the documented form is built from the id (§4.3).
    const deviceId = (await strict.control.agent('agent1')).device.id as string;
    const target = `${strict.baseUrl}/api/v2/devices/${deviceId}`;
    await sup.deviceOp('ListenIn', { targetDeviceUri: target });
    const set = (await sup.nextDevice()).devices[0];
    // The state object carries exactly the documented members (§6.3).
    expect(Object.keys(set.supervisorMonitoringState).sort()).toEqual(
      ['mode', 'scope', 'state', 'targetDeviceUri'].sort(),
    );

    const { callId } = await strict.control.call({ to: 'agent1', from: CUSTOMER });
    await a.nextCall({ state: 'Ringing', callId });
    await a.callOp(callId, 'Answer');
    const own = (await a.nextCall({ state: 'Established', callId })).call;
    const mon = (await sup.nextCall({ state: 'Established' })).call;
    expect(mon).toMatchObject({ monitoring: true, supervisorListeningIn: false, dnis: '7001' });
    expect(undocumented(mon)).toEqual([]);
    const told = (await a.nextCall({ notificationType: 'ParticipantsUpdated', callId })).call;
    expect(told).toMatchObject({
      monitoring: false,
      supervisorListeningIn: true,
      monitoredUserMuted: false,
    });
    expect(undocumented(told)).toEqual([]);
    expect(own.supervisorListeningIn).toBe(false);

    // Coaching is listening too, as far as the agent's call says (§6.1 has one flag).
    expect((await sup.callOp(mon.id, 'SwitchToCoach')).body.statusCode).toBe(0);
    expect((await sup.nextCall({ callId: mon.id })).call.capabilities.sort()).toEqual([
      'Hangup',
      'SwitchToBargeIn',
      'SwitchToListenIn',
    ]);
    expect(
      (await a.nextCall({ notificationType: 'ParticipantsUpdated', callId })).call
        .supervisorListeningIn,
    ).toBe(true);
    expect((await sup.nextDevice()).devices[0].supervisorMonitoringState.state).toBe('Coach');

    expect((await sup.deviceOp('CancelSupervisorMonitoring')).body.statusCode).toBe(0);
    expect((await sup.nextDevice()).devices[0]).not.toHaveProperty('supervisorMonitoringState');
    await sup.nextCall({ state: 'Released', callId: mon.id });
    const after = (await a.nextCall({ notificationType: 'ParticipantsUpdated', callId })).call;
    expect(after).toMatchObject({ state: 'Established', supervisorListeningIn: false });
  });
});
