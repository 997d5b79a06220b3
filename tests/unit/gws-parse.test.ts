import { describe, expect, it } from 'vitest';
import { parseCall, parseDevice, parseNotification } from '../../lib/gws/parse.ts';
import type { CallEvent, GwsEvent, UnrecognisedMessage } from '../../lib/gws/types.ts';
import { loadFixture } from '../fixtures/gws/load.ts';

type Envelope = {
  channel: string;
  data: Record<string, unknown> & { call?: Record<string, unknown> };
};

function asCall(result: GwsEvent | UnrecognisedMessage): CallEvent {
  if (result.kind !== 'call') throw new Error(`not a call event: ${JSON.stringify(result)}`);
  return result;
}

/** Same object with every key order reversed, recursively. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('parseNotification: gws-api.md §5.5 catalogue', () => {
  const callFixtures = [
    'call-dialing-outbound',
    'call-ringing-inbound',
    'call-participants-updated',
    'call-attached-data-changed',
    'call-dtmf-sent',
    'call-recording-state-change',
  ];

  it.each(callFixtures)('%s becomes a call event carrying the wire values', (name) => {
    const raw = loadFixture<Envelope>(name);
    const wire = raw.data.call as Record<string, unknown>;
    const event = asCall(parseNotification(raw));
    expect(event.notificationType).toBe(raw.data.notificationType);
    expect(event.agentDn).toBe(raw.data.phoneNumber);
    expect(event.channel).toBe('/v2/me/calls');
    expect(event.call.id).toBe(wire.id);
    expect(event.call.state).toBe(wire.state);
    expect(event.call.capabilities).toEqual(wire.capabilities);
    expect(event.call.userData).toEqual(wire.userData ?? {});
    expect(event.call.duration).toBe(Number(wire.duration));
    const wireParticipants = wire.participants as Array<{ phoneNumber: string }>;
    expect(event.call.participants.map((p) => p.phoneNumber)).toEqual(
      wireParticipants.map((p) => p.phoneNumber),
    );
    expect(event.extensions).toEqual(raw.data.extensions);
  });

  it.each(callFixtures)('%s parses the same whatever the key order, enveloped or bare', (name) => {
    const raw = loadFixture<Envelope>(name);
    const expected = parseNotification(raw);
    expect(parseNotification(reverseKeys(raw))).toEqual(expected);
    const { channel: _omitted, ...bare } = expected as CallEvent;
    expect(parseNotification(raw.data)).toEqual(bare);
  });

  it('reads the outbound Dialing sample in full', () => {
    const event = asCall(parseNotification(loadFixture('call-dialing-outbound')));
    expect(event.call).toMatchObject({
      callType: 'Internal',
      callUuid: '012PUFMMS0ASNAK48O7GK2LAES000004',
      connId: '007102719260b004',
      deviceId: '631608b3-ceb1-472b-ba05-2ae39555b0d1',
      dnis: '15002',
      mute: 'Off',
      supervisorListeningIn: false,
      monitoredUserMuted: false,
      monitoring: false,
      path: '/calls/012PUFMMS0ASNAK48O7GK2LAES000004',
    });
    // e164Number "" (internal extension) carries nothing and is left out.
    expect(event.call.participants).toEqual([
      { phoneNumber: '15002', digits: '15002', formattedPhoneNumber: '15002' },
    ]);
  });

  it('keeps recording state and country/location of E.164 participants', () => {
    const rec = asCall(parseNotification(loadFixture('call-recording-state-change')));
    expect(rec.call.recordingState).toBe('Paused');
    const upd = asCall(parseNotification(loadFixture('call-participants-updated')));
    expect(upd.call.participants[1]).toEqual({
      phoneNumber: '+14155550123',
      digits: '14155550123',
      e164Number: '+14155550123',
      formattedPhoneNumber: '(415) 555-0123',
      country: { name: 'United States', code: 'US', callingCode: '1' },
      location: 'California',
    });
  });

  it('reads DeviceStateChangeMessage', () => {
    const raw = loadFixture<Envelope>('device-state-change');
    const event = parseNotification(raw);
    expect(event.kind).toBe('device');
    if (event.kind !== 'device') return;
    expect(event.devices).toHaveLength(1);
    expect(event.devices[0]).toMatchObject({
      id: '74152ed8-858f-4a33-9e96-36213a678d30',
      deviceState: 'Active',
      doNotDisturb: false,
      telephonyNetwork: 'Private',
      capabilities: ['ForwardCallsOn', 'DoNotDisturbOn'],
      userState: { state: 'NotReady', workMode: 'AfterCallWork', displayName: 'AfterCallWork' },
    });
    expect(parseNotification(reverseKeys(raw))).toEqual(event);
  });

  it('reads ChannelStateChangeMessageV2, and 8.5.0 channel messages without messageType', () => {
    const v2 = parseNotification(loadFixture('channel-state-change-v2'));
    expect(v2).toMatchObject({
      kind: 'channel',
      channels: [{ channel: 'email', doNotDisturb: false, userState: { state: 'NotReady' } }],
    });
    const old = parseNotification(loadFixture('channel-state-850-no-message-type'));
    expect(old).toMatchObject({
      kind: 'channel',
      channels: [{ channel: 'voice', switchName: 'SIP_Switch', userActivity: 'Idle' }],
    });
  });

  it('reads an 8.5.0-style DND channel item without a channel name as the voice channel', () => {
    const dndOn = parseNotification({
      channel: '/v2/me/channels',
      data: { channels: [{ dndState: 'On' }] },
    });
    expect(dndOn).toMatchObject({
      kind: 'channel',
      channels: [{ channel: 'voice', doNotDisturb: true }],
    });
    const withState = parseNotification({
      channel: '/v2/me/channels',
      data: { channels: [{ dndState: 'Off', userState: { state: 'Ready' } }] },
    });
    expect(withState).toMatchObject({
      kind: 'channel',
      channels: [{ channel: 'voice', doNotDisturb: false, userState: { state: 'Ready' } }],
    });
    // Nothing to read at all is still not a channel.
    expect(parseNotification({ data: { channels: [{ phoneNumber: '5000' }] } }).kind).toBe(
      'unrecognised',
    );
  });

  it('keeps `metrics` and other unknown members of call messages', () => {
    const raw = loadFixture<Envelope>('call-ringing-inbound');
    const metrics = {
      eventProcessing: {
        nodeProcessingTimeNanos: 2_516_000,
        serverGenerationTimestamp: 1_760_000_000_000,
        serverProcessingTimeTotalMs: 3,
      },
    };
    const event = asCall(
      parseNotification({ ...raw, data: { ...raw.data, metrics, brandNew: ['x'] } }),
    );
    expect(event.extra).toEqual({ metrics, brandNew: ['x'] });
    expect(asCall(parseNotification(raw)).extra).toBeUndefined();
  });

  it('reads ErrorMessage tolerantly (shape undocumented, open question 1)', () => {
    expect(parseNotification(loadFixture('error-message'))).toMatchObject({
      kind: 'error',
      errorCode: '<T-Server error code>',
      errorMessage: '<text>',
      agentDn: '15000',
    });
    const alt = parseNotification({
      data: { messageType: 'ErrorMessage', code: 56, message: 'Invalid state', call: { id: 'C1' } },
    });
    expect(alt).toMatchObject({
      kind: 'error',
      errorCode: '56',
      errorMessage: 'Invalid state',
      callId: 'C1',
    });
    const bare = parseNotification({ messageType: 'ErrorMessage' });
    expect(bare).toMatchObject({ kind: 'error', raw: { messageType: 'ErrorMessage' } });
  });

  it('reads password change notifications', () => {
    expect(parseNotification(loadFixture('password-change-error'))).toEqual({
      kind: 'password',
      result: 'error',
      errorCode: 2,
      errorMessage: 'Old password is wrong',
      channel: '/v2/me',
    });
    expect(
      parseNotification({
        channel: '/v2/users',
        data: {
          notificationType: 'PasswordChangeSuccessful',
          userId: 'u1',
          userUri: 'http://x/api/v2/users/u1',
        },
      }),
    ).toMatchObject({ kind: 'password', result: 'success', userId: 'u1' });
  });
});

describe('parseNotification: participants (gws-api.md §6.2)', () => {
  it('merges legacy strings with participantsInfo by index and digits', () => {
    const event = asCall(parseNotification(loadFixture('call-legacy-participants')));
    expect(event.call.participants).toEqual([
      // The empty country placeholder and null location carry nothing.
      {
        phoneNumber: '5001',
        digits: '5001',
        e164Number: '5001',
        formattedPhoneNumber: '5001',
        isValidNumber: false,
      },
      {
        phoneNumber: '+442071234567',
        digits: '442071234567',
        e164Number: '+442071234567',
        formattedPhoneNumber: '020 7123 4567',
        country: { name: 'United Kingdom', code: 'GB', callingCode: '44' },
        location: 'London',
      },
    ]);
    expect(event.call.id).toBe('0071025563e9f00f'); // old builds: id = connId
  });

  it('matches participantsInfo by digits when the order differs', () => {
    const call = parseCall({
      id: 'A',
      state: 'Established',
      participants: ['5001', '5002'],
      participantsInfo: [
        { digits: '5002', location: 'Second' },
        { digits: '5001', location: 'First' },
      ],
    });
    expect(call.ok && call.value.participants.map((p) => [p.phoneNumber, p.location])).toEqual([
      ['5001', 'First'],
      ['5002', 'Second'],
    ]);
  });

  it('skips garbage entries and accepts numbers and mixed formats', () => {
    const call = parseCall({
      id: 'A',
      state: 'Established',
      participants: [
        null,
        {},
        '',
        ['x'],
        5003,
        { digits: '123' },
        '777',
        { phoneNumber: 42 },
        { formattedPhoneNumber: '  ' },
      ],
      participantsInfo: 'nonsense',
    });
    expect(call.ok && call.value.participants.map((p) => p.phoneNumber)).toEqual([
      '5003',
      '123',
      '777',
      '42',
    ]);
  });

  it('uses participantsInfo alone when participants is absent', () => {
    const call = parseCall({
      id: 'A',
      state: 'Ringing',
      participantsInfo: [{ E164digits: '+15550001' }],
    });
    expect(call.ok && call.value.participants).toEqual([
      { phoneNumber: '+15550001', e164Number: '+15550001' },
    ]);
  });
});

describe('parseCall: tolerance', () => {
  it('carries unknown state, callType and capabilities, and keeps unknown members', () => {
    const result = parseCall({
      id: 'X',
      state: 'Completed',
      callType: 'Transfer',
      capabilities: ['Teleport', 7, 'Hangup'],
      case: [],
      brandNew: { a: 1 },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      state: 'Completed',
      callType: 'Transfer',
      capabilities: ['Teleport', 'Hangup'],
    });
    expect(result.value.extra).toEqual({ case: [], brandNew: { a: 1 } });
  });

  it('normalizes duration strings to numbers and drops garbage', () => {
    const d = (duration: unknown): number | undefined => {
      const r = parseCall({ id: 'X', state: 'Established', duration });
      return r.ok ? r.value.duration : -1;
    };
    expect([d('0'), d('22'), d('1174'), d(' 5 '), d(7)]).toEqual([0, 22, 1174, 5, 7]);
    expect([d('abc'), d('-5'), d(''), d(null), d({}), d('Infinity'), d(Number.NaN)]).toEqual(
      Array(7).fill(undefined),
    );
  });

  it('links consult calls to their parent and treats absent userData as empty', () => {
    const event = asCall(parseNotification(loadFixture('call-consult-dialing')));
    expect(event.call.parentCallId).toBe('01RCC3N118B1V0SL8O7GK2LAES00000O');
    expect(event.call.userData).toEqual({});
    const byPath = parseCall({ id: 'C', state: 'Dialing', parentCallPath: '/calls/P%201' });
    expect(byPath.ok && byPath.value.parentCallId).toBe('P 1');
  });

  it('turns a call message without call.id into unrecognised with a reason and the raw input', () => {
    const raw = loadFixture<Envelope>('call-ringing-inbound');
    delete raw.data.call?.id;
    const result = parseNotification(raw);
    expect(result.kind).toBe('unrecognised');
    if (result.kind !== 'unrecognised') return;
    expect(result.reason).toMatch(/no id/);
    expect(result.messageType).toBe('CallStateChangeMessage');
    expect(result.raw).toEqual(raw);
    for (const call of [null, 'C1', [], { id: '' }, { id: '   ' }, { id: {} }]) {
      expect(
        parseNotification({ data: { messageType: 'CallStateChangeMessage', call } }).kind,
      ).toBe('unrecognised');
    }
  });
});

describe('parseNotification: hostile input', () => {
  it('rejects non-objects, meta messages and unknown message types without throwing', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      0,
      'x',
      true,
      [],
      [{ data: {} }],
      () => 1,
      Symbol('s'),
      10n,
    ];
    for (const input of inputs) expect(parseNotification(input).kind).toBe('unrecognised');
    expect(parseNotification({ channel: '/meta/connect', successful: true })).toMatchObject({
      kind: 'unrecognised',
      reason: 'Bayeux meta message',
    });
    expect(
      parseNotification({
        channel: '/v2/me/chats',
        data: { messageType: 'ChatStateChangeMessage' },
      }),
    ).toMatchObject({
      kind: 'unrecognised',
      messageType: 'ChatStateChangeMessage',
      channel: '/v2/me/chats',
    });
    expect(
      parseNotification({ data: { devices: 'no', messageType: 'DeviceStateChangeMessage' } }).kind,
    ).toBe('unrecognised');
  });

  it('survives cycles and keeps the result JSON-serializable', () => {
    const userData: Record<string, unknown> = { a: 1 };
    userData.self = userData;
    const message: Record<string, unknown> = {
      data: {
        messageType: 'CallStateChangeMessage',
        call: { id: 'C', state: 'Ringing', userData },
      },
    };
    message.loop = message;
    const event = asCall(parseNotification(message));
    expect(event.call.userData).toEqual({ a: 1, self: '[cycle]' });
    expect(() => JSON.stringify(event)).not.toThrow();
    const bad = parseNotification({ loop: message });
    expect(() => JSON.stringify(bad)).not.toThrow();
  });

  it('survives throwing getters and hostile proxies', () => {
    const call = { id: 'C', state: 'Established' };
    Object.defineProperty(call, 'ani', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const event = asCall(
      parseNotification({ data: { messageType: 'CallStateChangeMessage', call } }),
    );
    expect(event.call.ani).toBeUndefined();

    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
      },
    );
    expect(parseNotification(trap).kind).toBe('unrecognised');
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(parseNotification(revocable.proxy).kind).toBe('unrecognised');
    expect(
      parseNotification({ data: { messageType: 'CallStateChangeMessage', call: trap } }).kind,
    ).toBe('unrecognised');
  });

  it('never reads inherited members or pollutes prototypes', () => {
    const text =
      '{"data":{"messageType":"CallStateChangeMessage","call":{"id":"C","state":"Ringing","__proto__":{"polluted":1},"userData":{"__proto__":{"isAdmin":true},"k":"v"}}}}';
    const event = asCall(parseNotification(JSON.parse(text)));
    expect(event.call.userData).toEqual({ k: 'v' });
    expect(Object.getPrototypeOf(event.call.userData)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(event.call.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const inherited = Object.create({
      messageType: 'CallStateChangeMessage',
      call: { id: 'C', state: 'Ringing' },
    }) as object;
    expect(parseNotification(inherited).kind).toBe('unrecognised');
  });

  it('bounds what it copies from huge input', () => {
    const huge = 'x'.repeat(2_000_000);
    const result = parseNotification({
      channel: '/v2/me/calls',
      data: { messageType: 'Nope', blob: huge },
    });
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
    const many = parseCall({
      id: 'C',
      state: 'Established',
      participants: Array.from({ length: 100_000 }, (_, i) => String(i)),
    });
    expect(many.ok && many.value.participants.length).toBeLessThanOrEqual(500);
  });
});

describe('parseDevice', () => {
  it('reads DND, forwarding, monitoring and keeps unknown DND values visible', () => {
    const result = parseDevice({
      id: 'd1',
      doNotDisturb: 'On',
      forwardTo: '5001',
      capabilities: ['DoNotDisturbOff', 'ForwardCallsOff', 'CancelSupervisorMonitoring'],
      supervisorMonitoringState: {
        state: 'ListenIn',
        mode: 'AllCalls',
        scope: 'Call',
        targetDeviceUri: 'http://h/api/v2/devices/x',
      },
      userState: {
        id: 'custom',
        displayName: 'Out to Lunch',
        state: 'NotReady',
        workMode: 'AuxWork',
        reasonCode: 'Lunch',
      },
    });
    expect(result.ok && result.value).toMatchObject({
      doNotDisturb: true,
      forwardTo: '5001',
      supervisorMonitoringState: { state: 'ListenIn', mode: 'AllCalls', scope: 'Call' },
      userState: { reason: 'Lunch', reasonCode: 'Lunch', displayName: 'Out to Lunch' },
    });
    const odd = parseDevice({ id: 'd2', doNotDisturb: 'Maybe' });
    expect(odd.ok && [odd.value.doNotDisturb, odd.value.extra.doNotDisturb]).toEqual([
      undefined,
      'Maybe',
    ]);
    expect(parseDevice({ deviceState: 'Active' }).ok).toBe(false);
  });

  it('keeps the good devices of a partly broken list and rejects an all-broken one', () => {
    const partly = parseNotification({
      data: { messageType: 'DeviceStateChangeMessage', devices: [null, { id: 'd1' }, { nope: 1 }] },
    });
    expect(partly.kind === 'device' && partly.devices.map((d) => d.id)).toEqual(['d1']);
    const broken = parseNotification({
      data: { messageType: 'DeviceStateChangeMessage', devices: [null, 4] },
    });
    expect(broken.kind).toBe('unrecognised');
  });
});
