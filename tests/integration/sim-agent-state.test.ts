/**
 * Contact-center session, agent states (system and custom), DND, forwarding and supervisor
 * agent control, each checked on the wire: REST answer + the CometD notifications of
 * gws-api.md §9 (DeviceStateChangeMessage on /v2/me/devices, ChannelStateChangeMessageV2).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';

let s: StartedSim;
const open: SimAgent[] = [];

beforeAll(async () => {
  // These tests are about the v2 channel model; the default model is tested at the end.
  s = await startSim({ voiceChannelMessages: true, strict: false });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.disconnect()));
  await s.control.reset();
});
afterAll(async () => {
  await s.close();
});

async function agent(user: string, start = true): Promise<SimAgent> {
  const a = new SimAgent(s.baseUrl, user);
  await a.login();
  await a.connect();
  open.push(a);
  if (start) {
    expect((await a.startSession()).body.statusCode).toBe(0);
    await a.nextDevice();
    await a.nextMessage((m) => m.data.messageType === 'ChannelStateChangeMessageV2');
  }
  return a;
}

async function stateChange(
  a: SimAgent,
  op: string,
  params: Record<string, unknown> = {},
  path = '/api/v2/me/channels/voice',
) {
  const r = await a.op(path, op, params);
  expect(r.body, JSON.stringify(r.body)).toEqual({ statusCode: 0 });
  const device = (await a.nextDevice()).devices[0];
  const channel = (await a.nextMessage((m) => m.data.messageType === 'ChannelStateChangeMessageV2'))
    .data;
  return { device, channel };
}

describe('contact-center session', () => {
  it('StartContactCenterSession activates the device NotReady and announces the voice channel', async () => {
    const a = await agent('agent1', false);
    expect((await a.get('/api/v2/me/devices?fields=*')).body.devices[0].deviceState).toBe(
      'Inactive',
    );
    expect((await a.get('/api/v2/me/channels?fields=*')).body.channels).toEqual([]);
    expect((await a.startSession()).body).toEqual({ statusCode: 0 });
    const dev = await a.nextDevice();
    expect(dev.devices).toHaveLength(1);
    expect(dev.devices[0]).toMatchObject({
      id: a.deviceId,
      deviceState: 'Active',
      phoneNumber: '7001',
      doNotDisturb: 'Off',
      userState: {
        id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6',
        displayName: 'Not Ready',
        state: 'NotReady',
      },
    });
    expect(dev.devices[0].capabilities.sort()).toEqual(['DoNotDisturbOn', 'ForwardCallsOn']);
    const ch = await a.nextMessage((m) => m.channel === '/v2/me/channels');
    expect(ch.data).toMatchObject({
      messageType: 'ChannelStateChangeMessageV2',
      channels: [{ channel: 'voice', dndState: 'Off', userState: { state: 'NotReady' } }],
    });
    expect((await a.get('/api/v2/me/channels?fields=*')).body.channels[0].userState.state).toBe(
      'NotReady',
    );
  });

  it('validates StartContactCenterSession parameters', async () => {
    const a = await agent('agent1', false);
    const cases: Array<[Record<string, unknown>, number]> = [
      [{}, 1],
      [{ channels: [] }, 1],
      [{ channels: ['voice'], place: 'NoSuchPlace' }, 6],
      [{ channels: ['voice'], place: 'Place_7002' }, 19],
      [{ channels: ['chat'] }, 4],
    ];
    for (const [params, code] of cases) {
      expect((await a.op('/api/v2/me', 'StartContactCenterSession', params)).body.statusCode).toBe(
        code,
      );
    }
    expect((await s.control.agent('agent1')).contactCenterSession).toBe(false);
    const partial = await a.op('/api/v2/me', 'StartContactCenterSession', {
      channels: ['voice', 'email'],
      place: 'Place_7001',
    });
    expect(partial.body.statusCode).toBe(7);
    expect(partial.body.channels).toEqual([
      { channel: 'voice', statusCode: 0 },
      { channel: 'email', statusCode: 4, statusMessage: 'Channel email is not available' },
    ]);
    expect((await a.nextDevice()).devices[0].deviceState).toBe('Active');
  });

  it('refuses agent-state and device operations before the session (statusCode 2)', async () => {
    const a = await agent('agent1', false);
    expect((await a.op('/api/v2/me/channels/voice', 'Ready')).body.statusCode).toBe(2);
    expect((await a.deviceOp('DoNotDisturbOn')).body.statusCode).toBe(2);
  });

  it('EndContactCenterSession logs out, invalidates the HTTP session and ends the CometD client', async () => {
    const a = await agent('agent1');
    expect((await a.op('/api/v2/me', 'EndContactCenterSession')).body).toEqual({ statusCode: 0 });
    const dev = await a.nextDevice();
    expect(dev.devices[0].deviceState).toBe('Inactive');
    const after = await a.get('/api/v2/me');
    expect(after.status).toBe(401);
    expect(after.body.statusCode).toBe(20);
    const state = await s.control.agent('agent1');
    expect(state.contactCenterSession).toBe(false);
    expect(state.device.deviceState).toBe('Inactive');
    // The CometD client is forgotten (402) and cannot handshake again without a session.
    const refused = await waitFor(
      () => a.meta.find((m) => m.channel === '/meta/handshake' && m.successful === false),
      { message: 'refused re-handshake' },
    );
    expect(refused.error).toMatch(/^403::/);
    expect(refused.advice?.reconnect).toBe('none');
    expect(
      a.meta.some((m) => m.channel === '/meta/connect' && m.error === '402::Unknown client'),
    ).toBe(true);
  });
});

describe('agent states', () => {
  it('Ready, NotReady, AfterCallWork and AuxWork carry the documented userState objects', async () => {
    const a = await agent('agent1');
    const expected: Array<[string, Wire]> = [
      [
        'Ready',
        { id: '9430250E-0A1B-421F-B372-F29E69366DED', displayName: 'Ready', state: 'Ready' },
      ],
      [
        'NotReady',
        { id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6', displayName: 'Not Ready', state: 'NotReady' },
      ],
      [
        'AfterCallWork',
        {
          id: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF',
          displayName: 'AfterCallWork',
          state: 'NotReady',
          workMode: 'AfterCallWork',
        },
      ],
      [
        'AuxWork',
        {
          id: '2B36138D-C564-4562-A8CB-3C32D564F296',
          displayName: 'AuxWork',
          state: 'NotReady',
          workMode: 'AuxWork',
        },
      ],
    ];
    for (const [op, userState] of expected) {
      const { device, channel } = await stateChange(a, op);
      expect(device.userState).toEqual(userState);
      expect(device.id).toBe(a.deviceId);
      expect(channel.channels[0].userState).toEqual(userState);
    }
    const dev = (await a.get('/api/v2/me/devices?fields=*')).body.devices[0];
    expect(dev.userState.workMode).toBe('AuxWork');
  });

  it('custom NotReady states carry their reason', async () => {
    const a = await agent('agent2');
    const lunch = await stateChange(a, 'OutToLunch');
    expect(lunch.device.userState).toMatchObject({
      displayName: 'Out to Lunch',
      state: 'NotReady',
      workMode: 'AuxWork',
      reason: 'Lunch',
      reasonCode: '1',
    });
    expect((await stateChange(a, 'Training')).device.userState).toMatchObject({
      displayName: 'Training',
      reason: 'Training',
    });
    expect((await stateChange(a, 'Meeting')).device.userState).toMatchObject({
      displayName: 'Meeting',
      reasonCode: '3',
    });
  });

  it('accepts Ready with workmode, and Ready/NotReady posted to /me', async () => {
    const a = await agent('agent3');
    expect((await stateChange(a, 'Ready', { workmode: 'AutoIn' })).device.userState).toMatchObject({
      state: 'Ready',
      workMode: 'AutoIn',
    });
    expect((await stateChange(a, 'NotReady', {}, '/api/v2/me')).device.userState.state).toBe(
      'NotReady',
    );
    expect(
      (await stateChange(a, 'AfterCallWork', { wrapUpTime: '30' })).device.userState.workMode,
    ).toBe('AfterCallWork');
  });

  it('rejects bad state requests without changing anything', async () => {
    const a = await agent('agent1');
    const cases: Array<[string, string, Record<string, unknown>, number]> = [
      ['/api/v2/me/channels/voice', 'Ready', { workmode: 'Sideways' }, 10],
      ['/api/v2/me/channels/voice', 'AfterCallWork', { wrapUpTime: 'soon' }, 10],
      ['/api/v2/me/channels/voice', 'Snooze', {}, 1],
      ['/api/v2/me/channels/chat', 'Ready', {}, 2],
      ['/api/v2/me/channels/pigeon', 'Ready', {}, 6],
    ];
    for (const [path, op, params, code] of cases)
      expect((await a.op(path, op, params)).body.statusCode).toBe(code);
    expect((await s.control.agent('agent1')).device.userState.state).toBe('NotReady');
    expect(a.pending()).toEqual([]);
  });
});

describe('device features', () => {
  it('DoNotDisturbOn/Off toggle the device and its capabilities; a repeated On is statusCode 2', async () => {
    const a = await agent('agent1');
    expect((await a.deviceOp('DoNotDisturbOn')).body).toEqual({ statusCode: 0 });
    const on = (await a.nextDevice()).devices[0];
    expect(on.doNotDisturb).toBe('On');
    expect(on.capabilities).toContain('DoNotDisturbOff');
    expect(on.capabilities).not.toContain('DoNotDisturbOn');
    expect(
      (await a.nextMessage((m) => m.channel === '/v2/me/channels')).data.channels[0].dndState,
    ).toBe('On');
    expect((await a.deviceOp('DoNotDisturbOn')).body.statusCode).toBe(2);
    const refused = await s.control.send('POST', '/sim/calls', {
      to: 'agent1',
      from: '+14155550123',
    });
    expect(refused.statusCode).toBe(2);
    expect((await a.deviceOp('DoNotDisturbOff')).body.statusCode).toBe(0);
    expect((await a.nextDevice()).devices[0].doNotDisturb).toBe('Off');
  });

  it('ForwardCallsOn sets forwardTo and diverts calls; ForwardCallsOff removes it', async () => {
    const a = await agent('agent1');
    const b = await agent('agent2');
    expect((await a.deviceOp('ForwardCallsOn', {})).body.statusCode).toBe(1);
    expect((await a.deviceOp('ForwardCallsOn', { destination: '7002' })).body.statusCode).toBe(0);
    const fwd = (await a.nextDevice()).devices[0];
    expect(fwd.forwardTo).toBe('7002');
    expect(fwd.capabilities).toContain('ForwardCallsOff');
    await s.control.call({ to: 'agent1', from: '+442071838750' });
    const ring = await b.nextCall({ state: 'Ringing' });
    expect(ring.call.ani).toBe('+442071838750');
    expect(ring.phoneNumber).toBe('7002');
    expect((await a.deviceOp('ForwardCallsOff')).body.statusCode).toBe(0);
    const off = (await a.nextDevice()).devices[0];
    expect(off).not.toHaveProperty('forwardTo');
    expect(off.capabilities).toContain('ForwardCallsOn');
    expect(a.pending().filter((m) => m.channel === '/v2/me/calls')).toEqual([]);
  });

  it('refuses device operations on another device (statusCode 6)', async () => {
    const a = await agent('agent1');
    const other = (await s.control.agent('agent2')).deviceId;
    expect((await a.op(`/api/v2/me/devices/${other}`, 'DoNotDisturbOn')).body.statusCode).toBe(6);
  });
});

describe('supervisor agent control', () => {
  it('a supervisor sets another agent state; an agent may not (statusCode 5)', async () => {
    const a = await agent('agent1');
    const sup = await agent('supervisor1');
    const target = await s.control.agent('agent1');
    const r = await sup.op(`/api/v2/users/${target.userId}/channels/voice`, 'Ready');
    expect(r.body).toEqual({ statusCode: 0 });
    expect((await a.nextDevice()).devices[0].userState.state).toBe('Ready');
    const b = await agent('agent2');
    expect(
      (await b.op(`/api/v2/users/${target.userId}/channels/voice`, 'NotReady')).body.statusCode,
    ).toBe(5);
    expect(
      (await sup.op('/api/v2/users/ffffffffffffffffffffffffffffffff/channels/voice', 'Ready')).body
        .statusCode,
    ).toBe(6);
  });
});

describe('the default channel model', () => {
  it('reports an agent-state or DND change of voice by the device notification only', async () => {
    const plain = await startSim();
    const a = new SimAgent(plain.baseUrl, 'agent1');
    try {
      await a.login();
      await a.connect();
      await a.startSession();
      await a.op('/api/v2/me/channels/voice', 'Ready');
      await a.deviceOp('DoNotDisturbOn');
      const last = await a.nextMessage(
        (m) => m.data.devices?.[0]?.doNotDisturb === 'On',
        5_000,
        'DND on',
      );
      // Everything up to the last device notification is in; nothing came on /v2/me/channels.
      expect(last.channel).toBe('/v2/me/devices');
      expect(a.received.map((m) => m.data.messageType)).toEqual([
        'DeviceStateChangeMessage',
        'DeviceStateChangeMessage',
        'DeviceStateChangeMessage',
      ]);
      expect(a.received.map((m) => m.data.devices[0].userState.state)).toEqual([
        'NotReady',
        'Ready',
        'Ready',
      ]);
    } finally {
      await a.disconnect();
      await plain.close();
    }
  });
});
