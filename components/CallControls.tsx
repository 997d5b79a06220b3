import { useEffect, useState } from 'preact/hooks';
import type { Call } from '@/lib/gws/types';
import type { PopupCallOperation, PopupCallRequest } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n/messages';
import { PendingButton } from './PendingButton';
import { DESTINATION_OPERATIONS, TransferForm } from './TransferForm';
import { DtmfPad } from './DtmfPad';

export type OperationRunner = (request: PopupCallRequest) => void;

interface Props {
  call: Call;
  /** Id of the element naming the call; every button is described by it. */
  describedBy: string;
  isPending: (operation: PopupCallOperation) => boolean;
  onOperation: OperationRunner;
  /** The other call of a consult pair, for SwapCalls (gws-api.md §4.5). */
  swapWith?: string;
  /** This call is the consult leg of a live pair: hanging it up cancels the consultation. */
  isConsult: boolean;
}

type Panel = 'transfer' | 'dtmf' | undefined;

/**
 * The call's controls. A control exists only while its operationName is in the call's
 * capabilities (gws-api.md §7, §8); each is disabled with a spinner while its request is in
 * flight, and what it does shows only when GWS reports it.
 */
export function CallControls({
  call,
  describedBy,
  isPending,
  onOperation,
  swapWith,
  isConsult,
}: Props) {
  const [panel, setPanel] = useState<Panel>(undefined);
  // A state change (the transfer started, the call was held…) closes an open panel.
  useEffect(() => setPanel(undefined), [call.state]);
  const can = (op: PopupCallOperation) => call.capabilities.includes(op);
  const button = (
    request: PopupCallRequest,
    label: string,
    variant: 'primary' | 'danger' | 'success' | 'plain' = 'plain',
    icon?: string,
  ) =>
    can(request.operation) ? (
      <PendingButton
        key={request.operation}
        label={label}
        icon={icon}
        variant={variant}
        pending={isPending(request.operation)}
        describedBy={describedBy}
        onClick={() => onOperation(request)}
      />
    ) : null;

  const destinationOps = DESTINATION_OPERATIONS.filter(can);
  const dtmf = can('SendDtmf');
  const transferId = `${describedBy}-transfer`;
  const dtmfId = `${describedBy}-dtmf`;
  const toggle = (which: Exclude<Panel, undefined>) =>
    setPanel(panel === which ? undefined : which);

  return (
    <div class="call-controls">
      <div class="button-row">
        {button({ operation: 'Answer' }, t('controlAnswer'), 'success', '✆')}
        {button({ operation: 'Retrieve' }, t('controlRetrieve'), 'primary', '▶')}
        {button({ operation: 'Hold' }, t('controlHold'), 'plain', 'Ⅱ')}
        {button(
          swapWith
            ? { operation: 'SwapCalls', params: { otherCallId: swapWith } }
            : { operation: 'SwapCalls' },
          t('controlSwap'),
          'plain',
          '⇅',
        )}
        {button({ operation: 'CompleteTransfer' }, t('controlCompleteTransfer'), 'primary', '↪')}
        {button(
          { operation: 'CompleteConference' },
          t('controlCompleteConference'),
          'primary',
          '⊕',
        )}
        {button(
          { operation: 'Hangup' },
          isConsult ? t('controlCancelConsult') : t('controlHangup'),
          'danger',
          '✕',
        )}
      </div>
      {destinationOps.length > 0 || dtmf || hasRecording(call) ? (
        <div class="button-row secondary">
          {destinationOps.length > 0 ? (
            <PendingButton
              label={t('controlTransferMenu')}
              icon="⇄"
              expanded={panel === 'transfer'}
              controls={panel === 'transfer' ? transferId : undefined}
              describedBy={describedBy}
              onClick={() => toggle('transfer')}
            />
          ) : null}
          {dtmf ? (
            <PendingButton
              label={t('controlKeypad')}
              icon="#"
              expanded={panel === 'dtmf'}
              controls={panel === 'dtmf' ? dtmfId : undefined}
              describedBy={describedBy}
              onClick={() => toggle('dtmf')}
            />
          ) : null}
          {button({ operation: 'StartCallRecording' }, t('controlStartRecording'), 'plain', '●')}
          {button({ operation: 'PauseCallRecording' }, t('controlPauseRecording'), 'plain', 'Ⅱ')}
          {button({ operation: 'ResumeCallRecording' }, t('controlResumeRecording'), 'plain', '●')}
          {button({ operation: 'StopCallRecording' }, t('controlStopRecording'), 'plain', '■')}
        </div>
      ) : null}
      {panel === 'transfer' && destinationOps.length > 0 ? (
        <TransferForm
          id={transferId}
          offered={destinationOps}
          describedBy={describedBy}
          isPending={isPending}
          onRun={(operation, destination) => onOperation({ operation, params: { destination } })}
        />
      ) : null}
      {panel === 'dtmf' && dtmf ? (
        <DtmfPad
          id={dtmfId}
          pending={isPending('SendDtmf')}
          onSend={(digits) => onOperation({ operation: 'SendDtmf', params: { digits } })}
        />
      ) : null}
    </div>
  );
}

function hasRecording(call: Call): boolean {
  return call.capabilities.some((c) => /CallRecording$/.test(c));
}
