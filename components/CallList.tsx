import type { CallRecord, PartyNaming } from '@/lib/calls';
import type { PopupCallOperation, PopupCallRequest } from '@/lib/messaging/protocol';
import type { CallGroup } from '@/lib/ui/call-view';
import { t } from '@/lib/i18n/messages';
import { CallCard, type DispositionChoice } from './CallCard';
import type { CallDegradation } from '@/lib/ui/degraded';
import type { Device } from '@/lib/gws/types';
import { monitoringCallView, type AgentByDevice } from '@/lib/ui/monitoring-view';
import { SupervisorCallCard } from './SupervisorCallCard';

interface Props {
  groups: readonly CallGroup[];
  now: number;
  isPending: (operation: PopupCallOperation, callId: string) => boolean;
  onOperation: (callId: string, request: PopupCallRequest) => void;
  /** How parties are named (the agent's attached-data key). */
  naming?: PartyNaming;
  degraded?: CallDegradation;
  /** The disposition choice of a call, when the administrator set up dispositions. */
  disposition?: (record: CallRecord) => DispositionChoice;
  /** Attached-data keys the agent may not edit or delete. */
  readOnlyKeys?: readonly string[];
  /** The agent's phone device: a supervisor's monitoring call reads its monitoring state. */
  device?: Device;
  /** Names a monitored agent by device URI (the directory of agents). */
  agentByDevice?: AgentByDevice;
}

/**
 * Every live call. A call with consult legs is drawn as one bracketed group: the original
 * (usually held) on top, its consultation right under it and visibly attached.
 */
export function CallList({
  groups,
  now,
  isPending,
  onOperation,
  naming,
  degraded,
  disposition,
  readOnlyKeys,
  device,
  agentByDevice,
}: Props) {
  if (groups.length === 0) {
    return <p class="muted no-calls">{t('noCalls')}</p>;
  }
  return (
    <ul class="call-list" aria-label={t('callsTitle')}>
      {groups.map(({ main, consults }) => {
        const monitoring = monitoringCallView(main.call, device, agentByDevice, naming);
        if (monitoring) {
          return (
            <li key={main.call.id}>
              <SupervisorCallCard
                record={main}
                view={monitoring}
                now={now}
                isPending={(op) => isPending(op, main.call.id)}
                onOperation={(request) => onOperation(main.call.id, request)}
                {...(degraded ? { degraded } : {})}
              />
            </li>
          );
        }
        const card = (record: typeof main, parent?: typeof main, swapWith?: string) => (
          <CallCard
            key={record.call.id}
            record={record}
            now={now}
            isPending={(op) => isPending(op, record.call.id)}
            onOperation={(request) => onOperation(record.call.id, request)}
            {...(naming ? { naming } : {})}
            {...(disposition &&
            record.call.callType !== 'Consult' &&
            record.call.state !== 'Ringing'
              ? { disposition: disposition(record) }
              : {})}
            {...(readOnlyKeys ? { readOnlyKeys } : {})}
            {...(parent ? { parent } : {})}
            {...(swapWith ? { swapWith } : {})}
            {...(degraded ? { degraded } : {})}
          />
        );
        if (consults.length === 0) return <li key={main.call.id}>{card(main)}</li>;
        return (
          <li key={main.call.id} class="call-group" role="group" aria-label={t('consultGroup')}>
            {card(main, undefined, consults[0]?.call.id)}
            {consults.map((c) => card(c, main, main.call.id))}
          </li>
        );
      })}
    </ul>
  );
}
