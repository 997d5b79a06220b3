import type { CallRecord } from '@/lib/calls';
import type { PopupCallOperation, PopupCallRequest } from '@/lib/messaging/protocol';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { liveTimer } from '@/lib/history/call-times';
import { formatDuration } from '@/lib/ui/format';
import type { MonitoringCallView, MonitoringSwitch } from '@/lib/ui/monitoring-view';
import type { CallDegradation } from '@/lib/ui/degraded';
import { PendingButton } from './PendingButton';

interface Props {
  record: CallRecord;
  view: MonitoringCallView;
  now: number;
  isPending: (operation: PopupCallOperation) => boolean;
  onOperation: (request: PopupCallRequest) => void;
  degraded?: CallDegradation;
}

const SWITCH_LABEL: Record<MonitoringSwitch, MessageKey> = {
  SwitchToListenIn: 'controlListenIn',
  SwitchToCoach: 'controlCoach',
  SwitchToBargeIn: 'controlBargeIn',
};

/**
 * A supervisor's monitoring call: whom the supervisor listens to, coaches or barged in on, and
 * the switches GWS offers now (§4.9). It is not a customer call: no attached data, no
 * disposition, no transfer; the customer is named only to say whose call it is.
 */
export function SupervisorCallCard({ record, view, now, isPending, onOperation, degraded }: Props) {
  const call = record.call;
  const titleId = `monitor-${call.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const timer = liveTimer(record, degraded ? Math.min(now, degraded.since) : now);
  return (
    <article
      class={`call-card monitoring-card monitor-${view.kind.toLowerCase()}${degraded ? ' degraded' : ''}`}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-call-id={call.id}
    >
      <header class="call-head">
        <h3 id={titleId} class="call-title">
          {view.title}
        </h3>
        <span class="badge monitor-badge">{t('monitorBadge')}</span>
      </header>
      <p class="call-meta">
        {view.customer ? (
          <span class="monitor-customer">{t('monitorWithCustomer', view.customer)}</span>
        ) : null}
        <span class="call-duration" role="timer" aria-label={t('callDuration')}>
          {formatDuration(timer.ms)}
        </span>
        {view.agentMuted ? <span class="badge monitor-muted">{t('monitorAgentMuted')}</span> : null}
      </p>
      {degraded ? (
        <p class="call-degraded">
          {t(degraded.kind === 'voice' ? 'callDegradedVoice' : 'callDegradedOffline')}
        </p>
      ) : null}
      <fieldset class="call-controls-set" disabled={degraded !== undefined}>
        <div class="button-row">
          {view.switches.map((op) => (
            <PendingButton
              key={op}
              label={t(SWITCH_LABEL[op])}
              pending={isPending(op)}
              describedBy={titleId}
              onClick={() => onOperation({ operation: op })}
            />
          ))}
          {view.canLeave ? (
            <PendingButton
              label={t('controlLeaveMonitoring')}
              icon="✕"
              variant="danger"
              pending={isPending('Hangup')}
              describedBy={titleId}
              onClick={() => onOperation({ operation: 'Hangup' })}
            />
          ) : null}
        </div>
      </fieldset>
    </article>
  );
}
