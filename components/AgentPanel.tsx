import { isPending, type AgentStatus, type CallsView } from '@/lib/calls';
import { AgentStatePicker } from './AgentStatePicker';
import { DeviceOptions } from './DeviceOptions';

interface Props {
  calls: CallsView;
  status: AgentStatus;
  now: number;
  onState: (operationName: string) => void;
  onDoNotDisturb: (on: boolean) => void;
  onForward: (destination: string | null) => void;
  /** Why the agent is in this state when the extension set it (automatic Not Ready). */
  note?: string | undefined;
}

/** The agent's own state: availability with time in state, and the phone's DND/forwarding. */
export function AgentPanel(props: Props) {
  const { calls, status, now, onState, onDoNotDisturb, onForward, note } = props;
  const states = calls.agent.agentStates;
  // Agent-state intents carry the state's operationName and no call (lib/background).
  const statePending = states.some((s) => isPending(calls, s.operationName));
  return (
    <section class="agent">
      <AgentStatePicker
        states={states}
        now={now}
        pending={statePending}
        onSelect={onState}
        {...(status.userState ? { current: status.userState } : {})}
        {...(status.since !== undefined ? { since: status.since } : {})}
      />
      {note ? (
        <p class="muted agent-note" role="status">
          {note}
        </p>
      ) : null}
      <DeviceOptions
        capabilities={status.capabilities}
        doNotDisturb={status.doNotDisturb}
        dndPending={isPending(calls, 'DoNotDisturbOn') || isPending(calls, 'DoNotDisturbOff')}
        forwardPending={isPending(calls, 'ForwardCallsOn') || isPending(calls, 'ForwardCallsOff')}
        onDoNotDisturb={onDoNotDisturb}
        onForward={onForward}
        {...(status.forwardTo !== undefined ? { forwardTo: status.forwardTo } : {})}
      />
    </section>
  );
}
