// @vitest-environment happy-dom
/**
 * Supervisor monitoring as the popup derives it from parsed GWS data (gws-api.md §4.3, §4.9,
 * §6.1, §6.3): which call is a monitoring call and in which mode, the words of its card, the
 * controls the device and the call offer, the monitored agent's note, and the device-operation
 * table that carries the supervisor's requests.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseCall, parseDevice } from '@/lib/gws/parse';
import type { Call, Device } from '@/lib/gws/types';
import { isMonitoringCall, monitoringCall, supervisorPresence } from '@/lib/calls';
import {
  monitoringCallView,
  supervisorNote,
  supervisorPanelView,
  listedAgentByDevice,
  targetDeviceOf,
  typedTargetDevice,
} from '@/lib/ui/monitoring-view';
import {
  deviceOperationBody,
  readDeviceOperation,
  type DeviceOperationRequest,
} from '@/lib/gws/device-operations';
import { GwsInputError } from '@/lib/gws/errors';
import { loadFixture } from '../fixtures/gws/load.ts';
import { useCatalogue } from './popup-harness';

const TARGET = 'http://127.0.0.1:8090/api/v2/devices/5b0d35d4-0a66-4a51-9d3b-0f2a5f0c7001';
const CUSTOMER = '+442071838750';

type Json = Record<string, unknown>;

/** The inbound call of the fixtures as the supervisor's monitoring leg, patched. */
function call(patch: Json = {}, drop: string[] = []): Call {
  const raw: Json = {
    ...loadFixture<{ data: { call: Json } }>('call-ringing-inbound').data.call,
    state: 'Established',
    callType: 'Internal',
    dnis: '7001',
    participants: [
      { phoneNumber: CUSTOMER, digits: CUSTOMER.slice(1), e164Number: CUSTOMER },
      { phoneNumber: '7001', digits: '7001', e164Number: '' },
    ],
    capabilities: ['Hangup', 'SwitchToCoach', 'SwitchToBargeIn'],
    monitoring: true,
    supervisorListeningIn: false,
    monitoredUserMuted: false,
    ...patch,
  };
  for (const key of drop) delete raw[key];
  const result = parseCall(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function device(patch: Json = {}): Device {
  const raw: Json = {
    ...loadFixture<{ data: { devices: Json[] } }>('device-state-change').data.devices[0],
    capabilities: ['ForwardCallsOn', 'DoNotDisturbOn', 'ListenIn', 'Coach', 'BargeIn'],
    ...patch,
  };
  const result = parseDevice(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

const monitoringDevice = (state: string, extra: Json = {}) =>
  device({
    capabilities: [
      'ForwardCallsOn',
      'DoNotDisturbOn',
      'ListenIn',
      'Coach',
      'BargeIn',
      'CancelSupervisorMonitoring',
      'MuteMonitoredUser',
    ],
    supervisorMonitoringState: { state, mode: 'AllCalls', scope: 'Call', targetDeviceUri: TARGET },
    ...extra,
  });

const anna = (uri: string) => (uri === TARGET ? { name: 'Anna Kowalski', dn: '7001' } : undefined);

beforeEach(() => {
  fakeBrowser.reset();
  useCatalogue('en');
});

describe('which call is a monitoring call', () => {
  it('believes `monitoring`, and reads the SwitchTo* offers when the member is absent', () => {
    expect(isMonitoringCall(call())).toBe(true);
    // Absent in some samples (§6.1 [INF]): only the monitoring call offers SwitchTo* (§4.9).
    expect(isMonitoringCall(call({}, ['monitoring']))).toBe(true);
    expect(isMonitoringCall(call({ capabilities: ['Hangup', 'Hold'] }, ['monitoring']))).toBe(
      false,
    );
    expect(isMonitoringCall(call({ monitoring: false }))).toBe(false);
  });

  it('takes the mode from the device, else from what the call can switch to', () => {
    expect(monitoringCall(call(), monitoringDevice('Coach'))?.kind).toBe('Coach');
    // No device state, or one this client does not know: the call's switches tell.
    const caps = (c: string[]) => monitoringCall(call({ capabilities: c }), device())?.kind;
    expect(caps(['Hangup', 'SwitchToCoach', 'SwitchToBargeIn'])).toBe('ListenIn');
    expect(caps(['Hangup', 'SwitchToListenIn', 'SwitchToBargeIn'])).toBe('Coach');
    expect(caps(['Hangup', 'Hold', 'SwitchToListenIn', 'RemoveParticipantFromConference'])).toBe(
      'BargeIn',
    );
    expect(
      monitoringCall(call({ capabilities: ['SwitchToListenIn'] }), monitoringDevice('Whisper'))
        ?.kind,
    ).toBe('BargeIn');
    expect(monitoringCall(call({ monitoring: false }), monitoringDevice('ListenIn'))).toBe(
      undefined,
    );
  });
});

describe("the supervisor's monitoring card", () => {
  it('names the monitored agent from the directory, else by the DN the call was placed to', () => {
    const listening = monitoringCallView(call(), monitoringDevice('ListenIn'), anna);
    expect(listening).toMatchObject({
      kind: 'ListenIn',
      title: 'Listening in to Anna Kowalski (7001)',
      agentMuted: false,
      switches: ['SwitchToCoach', 'SwitchToBargeIn'],
      canLeave: true,
    });
    // The customer is the party who is not the agent.
    expect(listening?.customer).toContain('20 7183 8750');
    expect(monitoringCallView(call(), monitoringDevice('Coach'))?.title).toBe('Coaching 7001');
    expect(monitoringCallView(call({ dnis: '' }), monitoringDevice('BargeIn', {}))?.title).toBe(
      'Barged in on an agent',
    );
  });

  it('offers exactly the switches GWS offers: from BargeIn only back to ListenIn', () => {
    const barged = monitoringCallView(
      call({ capabilities: ['Hangup', 'Hold', 'SwitchToListenIn'], monitoredUserMuted: true }),
      monitoringDevice('BargeIn'),
      anna,
    );
    expect(barged).toMatchObject({
      title: 'Barged in on Anna Kowalski (7001)',
      switches: ['SwitchToListenIn'],
      agentMuted: true,
    });
    expect(
      monitoringCallView(call({ capabilities: [] }), monitoringDevice('ListenIn')),
    ).toMatchObject({ switches: [], canLeave: false });
  });

  it('is never built for an ordinary call', () => {
    expect(monitoringCallView(call({ monitoring: false }), monitoringDevice('ListenIn'))).toBe(
      undefined,
    );
  });
});

describe("the supervisor's panel", () => {
  it('exists only for a device that offers monitoring, with the controls it offers', () => {
    expect(supervisorPanelView(device({ capabilities: ['DoNotDisturbOn'] }), [])).toBe(undefined);
    expect(supervisorPanelView(undefined, [])).toBe(undefined);
    expect(supervisorPanelView(device(), [])).toEqual({
      starts: ['ListenIn', 'Coach', 'BargeIn'],
      canCancel: false,
    });
    expect(supervisorPanelView(device({ capabilities: ['Coach'] }), [])?.starts).toEqual(['Coach']);
  });

  it('says what is set, waiting for a call or on one, with Stop and Mute/Unmute', () => {
    const waiting = supervisorPanelView(monitoringDevice('ListenIn'), [], anna);
    expect(waiting).toMatchObject({
      canCancel: true,
      mute: 'MuteMonitoredUser',
      current: {
        title: 'Listening in to Anna Kowalski (7001)',
        details: [
          'All calls',
          'Follows the call through transfers',
          'Waiting for the agent’s call',
        ],
      },
    });
    // No directory: the live monitoring call gives the DN.
    const onCall = supervisorPanelView(
      monitoringDevice('Coach', {
        capabilities: ['ListenIn', 'CancelSupervisorMonitoring', 'UnmuteMonitoredUser'],
        supervisorMonitoringState: { state: 'Coach', mode: 'NextCall', scope: 'Agent' },
      }),
      [call()],
    );
    expect(onCall).toMatchObject({
      starts: ['ListenIn'],
      mute: 'UnmuteMonitoredUser',
      current: {
        title: 'Coaching 7001',
        details: ['Next call only', 'Only while with this agent'],
      },
    });
    const unknown = supervisorPanelView(
      monitoringDevice('Whisper', { supervisorMonitoringState: { state: 'Whisper' } }),
      [],
    );
    expect(unknown?.current?.title).toBe('Monitoring an agent');
  });

  it('takes a typed device id or device URI as the target', () => {
    const server = 'http://127.0.0.1:8090/api/v2';
    expect(typedTargetDevice(' 5b0d35d4-0a66-4a51-9d3b-0f2a5f0c7001 ', server)).toBe(TARGET);
    expect(typedTargetDevice(TARGET, undefined)).toBe(TARGET);
    expect(typedTargetDevice('', server)).toBe(undefined);
    expect(typedTargetDevice('7001', server)).toBe(undefined);
    expect(typedTargetDevice('http://127.0.0.1:8090/api/v2/me', server)).toBe(undefined);
    expect(typedTargetDevice('javascript:alert(1)', server)).toBe(undefined);
  });
});

describe('the agents GWS lists, as monitoring targets', () => {
  const listed = [
    { name: 'Anna Kowalski', dn: '7001', deviceUri: TARGET, deviceUris: [TARGET] },
    { name: 'Ben Okafor', dn: '7002', deviceUri: 'https://gws.example/api/v2/devices/B2' },
    { name: 'No Phone' },
  ];

  it('names the monitored agent by device, whatever host the URI was built with', () => {
    const byDevice = listedAgentByDevice(listed);
    expect(
      byDevice('https://gws.example:8443/api/v2/devices/5B0D35D4-0A66-4A51-9D3B-0F2A5F0C7001'),
    ).toEqual({
      name: 'Anna Kowalski',
      dn: '7001',
    });
    expect(byDevice('http://127.0.0.1:8090/api/v2/devices/b2')?.name).toBe('Ben Okafor');
    expect(byDevice('http://127.0.0.1:8090/api/v2/devices/unknown')).toBe(undefined);
    const set = supervisorPanelView(monitoringDevice('ListenIn'), [], byDevice);
    expect(set?.current?.title).toBe('Listening in to Anna Kowalski (7001)');
  });

  it('takes a listed DN or name typed in full, else a device id or URI', () => {
    const server = 'http://127.0.0.1:8090/api/v2';
    expect(targetDeviceOf('7001', listed, server)).toBe(TARGET);
    expect(targetDeviceOf(' ben okafor ', listed, server)).toBe(
      'https://gws.example/api/v2/devices/B2',
    );
    expect(targetDeviceOf('No Phone', listed, server)).toBe(undefined);
    expect(targetDeviceOf('Anna', listed, server)).toBe(undefined);
    expect(targetDeviceOf('5b0d35d4-0a66-4a51-9d3b-0f2a5f0c7001', [], server)).toBe(TARGET);
  });
});

describe("the monitored agent's call", () => {
  it('says a supervisor is on the call when GWS says so, and when the agent is muted', () => {
    const own = (patch: Json) => call({ monitoring: false, capabilities: ['Hangup'], ...patch });
    // `supervisorListeningIn` is set while listening and while coaching alike (§6.1): the
    // note does not claim "listening" for a supervisor who may be coaching.
    expect(supervisorNote(own({ supervisorListeningIn: true }))).toBe('Supervisor on the call');
    expect(supervisorNote(own({ supervisorListeningIn: true, monitoredUserMuted: true }))).toBe(
      'Supervisor on the call; you are muted',
    );
    // The mode is named only when the call says it (the device's form, on the call).
    const saying = (state: unknown, patch: Json = {}) =>
      own({ supervisorListeningIn: true, supervisorMonitoringState: { state }, ...patch });
    expect(supervisorPresence(saying('Coach'))).toEqual({ kind: 'Coach', muted: false });
    expect(supervisorNote(saying('Coach'))).toBe('Supervisor coaching');
    expect(supervisorNote(saying('Coach', { monitoredUserMuted: true }))).toBe(
      'Supervisor coaching; you are muted',
    );
    expect(supervisorNote(saying('ListenIn'))).toBe('Supervisor listening');
    expect(supervisorNote(saying('ListenIn', { monitoredUserMuted: true }))).toBe(
      'Supervisor listening; you are muted',
    );
    for (const unknown of ['Whisper', 42, null, 'BargeIn'])
      expect(supervisorNote(saying(unknown))).toBe('Supervisor on the call');
    expect(supervisorNote(own({ supervisorListeningIn: false }))).toBe(undefined);
    expect(supervisorNote(own({}))).toBe(undefined);
    // The supervisor's own leg is not "a supervisor on my call".
    expect(supervisorPresence(call({ supervisorListeningIn: true }))).toBe(undefined);
  });
});

describe('the device-operation table', () => {
  it('turns checked monitoring parameters into the members GWS takes', () => {
    const request = readDeviceOperation('Coach', {
      targetDeviceUri: TARGET,
      mode: 'NextCall',
      scope: 'Agent',
      extra: 'dropped',
    });
    expect(deviceOperationBody(request)).toEqual({
      targetDeviceUri: TARGET,
      supervisorMonitoringMode: 'NextCall',
      supervisorMonitoringScope: 'Agent',
    });
    // Left out: GWS applies its defaults (AllCalls, Call).
    expect(
      deviceOperationBody(readDeviceOperation('ListenIn', { targetDeviceUri: TARGET })),
    ).toEqual({ targetDeviceUri: TARGET });
    expect(
      deviceOperationBody(readDeviceOperation('CancelSupervisorMonitoring', { x: 1 })),
    ).toEqual({});
    expect(
      deviceOperationBody(readDeviceOperation('ForwardCallsOn', { destination: ' 5001 ' })),
    ).toEqual({ destination: '5001' });
  });

  it('refuses what is not a device operation or not its parameters, naming the field', () => {
    const refused = (op: unknown, params: unknown) => {
      try {
        readDeviceOperation(op, params);
      } catch (error) {
        expect(error).toBeInstanceOf(GwsInputError);
        return (error as GwsInputError).field;
      }
      throw new Error('not refused');
    };
    expect(refused('Hangup', {})).toBe('operation');
    expect(refused('toString', {})).toBe('operation');
    expect(refused('ListenIn', {})).toBe('targetDeviceUri');
    expect(refused('ListenIn', { targetDeviceUri: '7001' })).toBe('targetDeviceUri');
    expect(refused('BargeIn', { targetDeviceUri: 'file:///api/v2/devices/x' })).toBe(
      'targetDeviceUri',
    );
    expect(refused('Coach', { targetDeviceUri: TARGET, mode: 'Sometimes' })).toBe('mode');
    expect(refused('Coach', { targetDeviceUri: TARGET, scope: 'Team' })).toBe('scope');
    expect(refused('ForwardCallsOn', { destination: '' })).toBe('destination');
    const typed: DeviceOperationRequest = { operation: 'MuteMonitoredUser' };
    expect(deviceOperationBody(typed)).toEqual({});
  });
});
