import { ot, type OverlayMessageKey } from '../i18n/overlay-messages.ts';
import type { PageOperation } from '../messaging/page-messages.ts';

const LABELS: Record<PageOperation, OverlayMessageKey> = {
  Answer: 'controlAnswer',
  Hangup: 'controlHangup',
  Hold: 'controlHold',
  Retrieve: 'controlRetrieve',
  // Transfer and conference bring another call to the number the card is about.
  SingleStepTransfer: 'overlayTransferHere',
  SingleStepConference: 'overlayConferenceIn',
};

/** A call control of the card in the overlay's language (the popup's words for the same). */
export function operationLabel(operation: PageOperation): string {
  return ot(LABELS[operation]);
}
