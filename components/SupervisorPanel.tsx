import { useContext, useState } from 'preact/hooks';
import type { DeviceOperationRequest } from '@/lib/gws/device-operations';
import {
  MONITORING_MODES,
  MONITORING_SCOPES,
  type MonitoringMode,
  type MonitoringScope,
} from '@/lib/gws/device-operations';
import { t, type MessageKey } from '@/lib/i18n/messages';
import type { ListedAgent, MonitoringStart, SupervisorPanelView } from '@/lib/ui/monitoring-view';
import { PendingButton } from './PendingButton';
import { DirectoryContext } from './DirectoryContext';
import { DirectoryPicker } from './DirectoryPicker';

interface Props {
  view: SupervisorPanelView;
  /**
   * Turns what the supervisor typed into the agent's device URI, if it can: a listed agent's
   * DN or name, or a device id or URI.
   */
  targetDevice: (entered: string, agents: readonly ListedAgent[]) => string | undefined;
  isPending: (operation: DeviceOperationRequest['operation']) => boolean;
  onOperation: (request: DeviceOperationRequest) => void;
}

const START_LABEL: Record<MonitoringStart, MessageKey> = {
  ListenIn: 'controlListenIn',
  Coach: 'controlCoach',
  BargeIn: 'controlBargeIn',
};
const MODE_LABEL: Record<MonitoringMode, MessageKey> = {
  AllCalls: 'monitorModeAllCalls',
  NextCall: 'monitorModeNextCall',
};
const SCOPE_LABEL: Record<MonitoringScope, MessageKey> = {
  Call: 'monitorScopeCall',
  Agent: 'monitorScopeAgent',
};

/**
 * The supervisor's monitoring controls on their own device (gws-api.md §4.3): what is set now,
 * Stop and Mute/Unmute the agent, and ListenIn / Coach / BargeIn on a chosen agent with the
 * mode and scope as options. Each control exists only while the device offers it.
 */
export function SupervisorPanel({ view, targetDevice, isPending, onOperation }: Props) {
  const directory = useContext(DirectoryContext);
  const [target, setTarget] = useState('');
  /** The device of the agent picked from the directory, while the field shows that pick. */
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<MonitoringMode>('AllCalls');
  const [scope, setScope] = useState<MonitoringScope>('Call');
  const [problem, setProblem] = useState(false);
  const anyStartPending = view.starts.some((op) => isPending(op));

  const start = (operation: MonitoringStart) => {
    const agents = directory.entries.flatMap((e) =>
      e.kind === 'agent' && e.agent ? [e.agent] : [],
    );
    const targetDeviceUri = picked ?? targetDevice(target, agents);
    setProblem(targetDeviceUri === undefined);
    if (targetDeviceUri === undefined) return;
    onOperation({ operation, params: { targetDeviceUri, mode, scope } });
  };

  return (
    <section class="supervisor" aria-labelledby="supervisor-title">
      <h2 id="supervisor-title" class="section-title">
        {t('supervisorTitle')}
      </h2>
      {view.current ? (
        <div class="monitor-current" role="status">
          <p class="monitor-current-title">{view.current.title}</p>
          {view.current.details.length > 0 ? (
            <p class="muted monitor-current-details">{view.current.details.join(' · ')}</p>
          ) : null}
        </div>
      ) : null}
      {view.canCancel || view.mute ? (
        <div class="button-row">
          {view.mute ? (
            <PendingButton
              label={t(
                view.mute === 'MuteMonitoredUser'
                  ? 'controlMuteMonitoredUser'
                  : 'controlUnmuteMonitoredUser',
              )}
              pressed={view.mute === 'UnmuteMonitoredUser'}
              pending={isPending('MuteMonitoredUser') || isPending('UnmuteMonitoredUser')}
              onClick={() => view.mute && onOperation({ operation: view.mute })}
            />
          ) : null}
          {view.canCancel ? (
            <PendingButton
              label={t('controlCancelMonitoring')}
              variant="danger"
              pending={isPending('CancelSupervisorMonitoring')}
              onClick={() => onOperation({ operation: 'CancelSupervisorMonitoring' })}
            />
          ) : null}
        </div>
      ) : null}
      {view.starts.length > 0 ? (
        <div class="monitor-start">
          <DirectoryPicker
            id="monitor-target"
            label={t('monitorTargetLabel')}
            value={target}
            entries={directory.entries}
            kinds={['agent']}
            agentStatus={directory.agentStatus}
            onOpen={directory.refresh}
            attrs={
              problem
                ? { 'aria-invalid': 'true', 'aria-describedby': 'monitor-target-problem' }
                : {}
            }
            onInput={(el) => {
              setProblem(false);
              setPicked(undefined);
              setTarget(el.value);
            }}
            onPick={(entry) => {
              setProblem(false);
              setTarget(entry.name);
              setPicked(entry.agent?.deviceUri);
            }}
            onSubmitTyped={() => {
              const first = view.starts[0];
              if (first && !anyStartPending) start(first);
            }}
          />
          {problem ? (
            <p id="monitor-target-problem" class="field-error" role="alert">
              {t('monitorTargetMissing')}
            </p>
          ) : null}
          <div class="monitor-options">
            <label class="field">
              <span>{t('monitorModeLabel')}</span>
              <select
                class="monitor-mode"
                value={mode}
                onChange={(e) => setMode(e.currentTarget.value as MonitoringMode)}
              >
                {MONITORING_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(MODE_LABEL[m])}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{t('monitorScopeLabel')}</span>
              <select
                class="monitor-scope"
                value={scope}
                onChange={(e) => setScope(e.currentTarget.value as MonitoringScope)}
              >
                {MONITORING_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(SCOPE_LABEL[s])}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="button-row">
            {view.starts.map((op) => (
              <PendingButton
                key={op}
                label={t(START_LABEL[op])}
                pending={isPending(op)}
                disabled={anyStartPending}
                onClick={() => start(op)}
              />
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}
