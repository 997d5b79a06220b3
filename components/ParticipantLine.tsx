import type { Participant } from '@/lib/gws/types';
import { t } from '@/lib/i18n/messages';
import { describeNumber, numberTypeLabel } from '@/lib/ui/phone-view';
import { participantNumber } from '@/lib/calls';
import { PendingButton } from './PendingButton';

interface Props {
  participant: Participant;
  /** Present when the call offers RemoveParticipantFromConference. */
  onRemove?: () => void;
  removePending?: boolean;
  /** False when the card title already shows this number (one party, not named). */
  showNumber?: boolean;
}

/**
 * One other party: the number formatted for reading, with country (flag and name), region
 * and number type when the number says so; GWS's own country/location fill the gaps.
 */
export function ParticipantLine({
  participant,
  onRemove,
  removePending,
  showNumber = true,
}: Props) {
  const raw = participantNumber(participant);
  const info = describeNumber(raw);
  const countryName = info.countryName ?? (participant.country?.name || undefined);
  const region = info.region ?? (participant.location || undefined);
  const type = info.type ? numberTypeLabel(info.type) : undefined;
  return (
    <li class="participant">
      {showNumber ? (
        <span class="participant-number" title={raw}>
          {info.display}
        </span>
      ) : null}
      <span class="participant-meta">
        {info.flag ? (
          <span class="flag" aria-hidden="true">
            {info.flag}
          </span>
        ) : null}
        {countryName ? <span class="country">{countryName}</span> : null}
        {region ? <span class="region">{region}</span> : null}
        {type ? <span class="number-type">{type}</span> : null}
        {info.internal ? <span class="number-type">{t('numberInternal')}</span> : null}
      </span>
      {onRemove ? (
        <PendingButton
          class="btn-small"
          label={t('controlRemoveParty')}
          icon="✕"
          ariaLabel={t('controlRemovePartyNamed', info.display)}
          pending={removePending}
          onClick={onRemove}
        />
      ) : null}
    </li>
  );
}
