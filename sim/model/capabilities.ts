/**
 * Capability sets per call state and device state (gws-api.md §8). A request is accepted only
 * when its operationName is in the current set, so the capability list is also the state
 * machine: what the UI may offer is exactly what the simulator accepts.
 */
import type { Agent } from './agents.ts';
import { otherParties, type CallView } from './call-model.ts';

const DATA = ['AttachUserData', 'UpdateUserData', 'DeleteUserData', 'DeleteUserDataPair'];

const DIALING = [
  'SendDtmf',
  'DeleteUserData',
  'AttachUserData',
  'DeleteUserDataPair',
  'Hangup',
  'UpdateUserData',
];

const ESTABLISHED = [
  'SingleStepTransfer',
  'InitiateConference',
  'Hold',
  'SingleStepConference',
  'InitiateTransfer',
  'SendDtmf',
  'DeleteUserData',
  'AttachUserData',
  'DeleteUserDataPair',
  'Hangup',
  'UpdateUserData',
];

const HELD = [
  'SingleStepTransfer',
  'InitiateConference',
  'Retrieve',
  'SingleStepConference',
  'InitiateTransfer',
  'DeleteUserData',
  'AttachUserData',
  'DeleteUserDataPair',
  'Hangup',
  'UpdateUserData',
];

const HELD_DURING_TRANSFER = [
  'UpdateUserData',
  'SwapCalls',
  'InitiateConference',
  'SingleStepTransfer',
  'InitiateTransfer',
  'AttachUserData',
  'DeleteUserDataPair',
  'SingleStepConference',
  'DeleteUserData',
  'Hangup',
  'CompleteTransfer',
];

/** The documented sample is cut after AttachUserData; the tail is inferred. */
const HELD_DURING_CONFERENCE = [
  'UpdateUserData',
  'Retrieve',
  'InitiateConference',
  'SingleStepTransfer',
  'InitiateTransfer',
  'AttachUserData',
  'DeleteUserDataPair',
  'SingleStepConference',
  'DeleteUserData',
  'Hangup',
  'SwapCalls',
  'CompleteConference',
];

/** Only on a DN where recording is configured (AgentConfig.recording). */
function recordingCapabilities(view: CallView): string[] {
  if (!view.agent.config.recording) return [];
  switch (view.call.recordingState) {
    case 'Recording':
      return ['PauseCallRecording', 'StopCallRecording'];
    case 'Paused':
      return ['ResumeCallRecording', 'StopCallRecording'];
    default:
      return ['StartCallRecording'];
  }
}

function monitoringCapabilities(view: CallView): string[] {
  switch (view.monitoring) {
    case 'ListenIn':
      return ['Hangup', 'SwitchToCoach', 'SwitchToBargeIn'];
    case 'Coach':
      return ['Hangup', 'SwitchToListenIn', 'SwitchToBargeIn'];
    default:
      // Supervisor on a barge-in call (§8); from BargeIn only ListenIn is allowed (§4.9).
      return [...ESTABLISHED, 'SwitchToListenIn', 'RemoveParticipantFromConference'];
  }
}

export function callCapabilities(view: CallView): string[] {
  if (view.state === 'Released') return [];
  if (view.monitoring) return monitoringCapabilities(view);
  const others = view.agent.calls.filter((c) => c !== view && !c.monitoring);
  switch (view.state) {
    case 'Dialing':
      return [...DIALING];
    case 'Ringing':
      return view.agent.config.telephonyNetwork === 'Public' ? [...DATA] : ['Answer', ...DATA];
    case 'Established': {
      const caps = [...ESTABLISHED, ...recordingCapabilities(view)];
      if (others.some((c) => c.state === 'Held')) {
        caps.push('SwapCalls', 'CompleteConference', 'CompleteTransfer');
      }
      if (view.call.conferenceOwner === view.agent && otherParties(view).length >= 2) {
        caps.push('RemoveParticipantFromConference');
      }
      return caps;
    }
    case 'Held': {
      if (view.consult && view.consultKind === 'transfer') return [...HELD_DURING_TRANSFER];
      if (view.consult && view.consultKind === 'conference') return [...HELD_DURING_CONFERENCE];
      const caps = [...HELD];
      if (others.some((c) => c.state === 'Established')) caps.push('SwapCalls');
      return caps;
    }
  }
}

export function deviceCapabilities(agent: Agent): string[] {
  if (!agent.switchLoggedIn) return [];
  const caps = [
    agent.forwardTo ? 'ForwardCallsOff' : 'ForwardCallsOn',
    agent.dnd ? 'DoNotDisturbOff' : 'DoNotDisturbOn',
  ];
  if (agent.supervisor) {
    // Monitoring again while monitoring changes or replaces it (ops/device-ops.ts).
    caps.push('ListenIn', 'Coach', 'BargeIn');
    if (agent.monitoring) {
      caps.push(
        'CancelSupervisorMonitoring',
        agent.monitoring.monitoredUserMuted ? 'UnmuteMonitoredUser' : 'MuteMonitoredUser',
      );
    }
  }
  return caps;
}
