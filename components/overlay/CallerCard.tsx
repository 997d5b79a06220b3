import { countryBadge } from '../../lib/phone/country-info.ts';
import { localTimeIn, numberTypeText, CALLING_HOURS } from '../../lib/overlay/card-facts.ts';
import { ot, overlayLocale, type OverlayMessageKey } from '../../lib/i18n/overlay-messages.ts';
import { dialRisk, type DialRisk } from '../../lib/overlay/dial-risks.ts';
import type { OverlayActions, OverlayModel } from '../../lib/overlay/overlay-model.ts';
import { LiveCalls } from './LiveCalls.tsx';
import { px } from './px.ts';

interface Props {
  model: OverlayModel;
  actions: OverlayActions;
}

const pad = (n: number) => String(n).padStart(2, '0');

const RISK_TEXT: Record<DialRisk, OverlayMessageKey> = {
  'hidden-number': 'overlayRiskHiddenNumber',
  'premium-rate': 'overlayRiskPremiumRate',
  'shared-cost': 'overlayRiskSharedCost',
  'unknown-type': 'overlayRiskUnknownType',
};

/** Why the dial asks first, in the agent's words. */
const riskText = (risk: DialRisk, shown: string) => ot(RISK_TEXT[risk], shown);

/**
 * The compact card: who the number is, where and what time it is there, and its live calls.
 * Its words and the weekday follow the agent's language (lib/i18n/overlay-messages.ts).
 */
export function CallerCard({ model, actions }: Props) {
  const { info, live, status } = model;
  // One call per person: a number on a live call is offered its controls, never "Call".
  const onCall = (live?.calls.length ?? 0) > 0;
  const risk = dialRisk(info, !!model.linkHidesNumber);
  const shown = info?.international ?? info?.national ?? model.raw;
  const locale = overlayLocale();
  const local = info?.timeZone ? localTimeIn(info.timeZone, model.now, locale) : undefined;
  const type = numberTypeText(info?.type);
  const position = {
    left: px(model.cardAt.left),
    ...(model.cardAt.top !== undefined ? { top: px(model.cardAt.top) } : {}),
    ...(model.cardAt.bottom !== undefined ? { bottom: px(model.cardAt.bottom) } : {}),
  };
  return (
    <div
      class="card"
      role="dialog"
      lang={locale}
      aria-label={ot('overlayCardLabel', shown)}
      style={position}
      onMouseEnter={(e) => actions.pointer(e, true)}
      onMouseLeave={(e) => actions.pointer(e, false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.dismiss(e);
      }}
    >
      <div class="head">
        {countryBadge(info?.countryCode) && (
          <span class="flag" aria-hidden="true">
            {countryBadge(info?.countryCode)}
          </span>
        )}
        <span class="number">{shown}</span>
        {model.extension && <span>{ot('overlayExtension', model.extension)}</span>}
      </div>
      <dl class="facts">
        {info?.e164 && (
          <>
            <dt>{ot('overlayE164')}</dt>
            <dd class="e164">{info.e164}</dd>
          </>
        )}
        {info?.internal && (
          <>
            <dt>{ot('overlayType')}</dt>
            <dd>{ot('overlayInternalNumber')}</dd>
          </>
        )}
        {info?.countryName && (
          <>
            <dt>{ot('overlayCountry')}</dt>
            <dd>{info.countryName}</dd>
          </>
        )}
        {info?.location && info.location !== info.countryName && (
          <>
            <dt>{ot('overlayLocation')}</dt>
            <dd>{info.location}</dd>
          </>
        )}
        {type && (
          <>
            <dt>{ot('overlayType')}</dt>
            <dd>{type}</dd>
          </>
        )}
        {local && (
          <>
            <dt>{ot('overlayLocalTime')}</dt>
            <dd>
              {local.time} {local.weekday}
              {local.outsideCallingHours && (
                <span class="warn">
                  {' '}
                  ·{' '}
                  {ot('overlayOutsideCallingHours', [
                    `${pad(CALLING_HOURS.from)}:00`,
                    `${pad(CALLING_HOURS.to)}:00`,
                  ])}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      {onCall ? null : model.confirming ? (
        <div class="row" role="group" aria-label={ot('overlayConfirmLabel')}>
          {risk && <p class="warn risk">{riskText(risk, shown)}</p>}
          <span>{ot('overlayConfirmQuestion', shown)}</span>
          <button type="button" class="act primary" onClick={(e) => actions.confirm(e)}>
            {ot('overlayCall')}
          </button>
          <button type="button" class="act" onClick={(e) => actions.cancel(e)}>
            {ot('cancel')}
          </button>
        </div>
      ) : (
        <div class="row">
          <button type="button" class="act primary" onClick={(e) => actions.activate(e)}>
            {ot('overlayCall')}
          </button>
        </div>
      )}
      {status && (
        <p class={`status${status.kind === 'error' ? ' error' : ''}`} role="status">
          {status.text}
        </p>
      )}
      {live && <LiveCalls live={live} now={model.now} actions={actions} />}
      {live && !live.signedIn && <p class="hint">{ot('overlaySignInHint')}</p>}
    </div>
  );
}
