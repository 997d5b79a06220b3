/**
 * The CRM overlay's translator. The overlay runs as a content script, which cannot read
 * `_locales` (it stays out of web_accessible_resources): the background sends the chosen
 * language's entries of the overlay's own keys with the page config, and `ot` accepts no
 * other key (see translator.ts for why translation is written by hand).
 */
import { ERROR_MESSAGES } from '../errors/error-codes.ts';
import type { Catalogue } from './catalogue.ts';
import { CALL_STATE_KEYS, CALL_TYPE_KEYS, NUMBER_TYPE_KEYS, VALUE_AS_SENT } from './keys.ts';
import type { MessageKey } from './messages.ts';
import { createTranslator, type Substitutions } from './translator.ts';

/**
 * Every catalogue message the CRM page overlay shows, and nothing else. The background sends
 * the chosen language's entries of exactly these keys with the page config (a content script
 * cannot read `_locales`, which stays out of web_accessible_resources), so a text the overlay
 * shows must be listed here: `ot` accepts no other key.
 */
const LISTED = [
  'overlayHitLabel',
  'overlayCardLabel',
  'overlayExtension',
  'overlayE164',
  'overlayType',
  'overlayInternalNumber',
  'overlayCountry',
  'overlayLocation',
  'overlayLocalTime',
  'overlayOutsideCallingHours',
  'overlayConfirmLabel',
  'overlayConfirmQuestion',
  'overlayRiskHiddenNumber',
  'overlayRiskPremiumRate',
  'overlayRiskSharedCost',
  'overlayRiskUnknownType',
  'overlayCall',
  'cancel',
  'overlaySignInHint',
  'overlayLiveCall',
  'overlayAnotherCall',
  'overlayCallWith',
  'overlayAnotherParty',
  'controlAnswer',
  'controlHangup',
  'overlayDecline',
  'controlHold',
  'controlRetrieve',
  'overlayTransferHere',
  'overlayConferenceIn',
  'overlayCalling',
  'overlayDialling',
  'overlayBusy',
  'overlayErrorSiteNotEnabled',
  'overlayErrorUnknown',
  'overlayErrorDetail',
  // A refusal the card explains: any failure's words (error-codes.ts).
  'errorUnknown',
  ...Object.values(ERROR_MESSAGES),
  VALUE_AS_SENT,
  ...Object.values(CALL_STATE_KEYS),
  ...Object.values(CALL_TYPE_KEYS),
  ...Object.values(NUMBER_TYPE_KEYS),
] as const satisfies readonly MessageKey[];

export type OverlayMessageKey = (typeof LISTED)[number];

/** Each once (failure reasons share messages). */
export const OVERLAY_MESSAGE_KEYS: readonly OverlayMessageKey[] = [...new Set(LISTED)];

/** The agent's chosen language and the overlay's messages in it (page config `words`). */
export interface OverlayWords {
  language: string;
  messages: Catalogue;
}

/** The overlay's entries of a catalogue: what the background sends a CRM frame. */
export function pickOverlayMessages(catalogue: Catalogue): Catalogue {
  const picked: Catalogue = {};
  for (const key of OVERLAY_MESSAGE_KEYS) {
    const entry = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
    if (!entry || typeof entry.message !== 'string') continue;
    picked[key] = entry.placeholders
      ? { message: entry.message, placeholders: entry.placeholders }
      : { message: entry.message };
  }
  return picked;
}

/** The overlay's words: the chosen language's when the background sent them, else the browser's. */
export const overlayText = createTranslator<OverlayMessageKey>();

export function ot(key: OverlayMessageKey, subs?: Substitutions): string {
  return overlayText.t(key, subs);
}

/** The language the overlay speaks, for `Intl` (local time) and the card's `lang`. */
export function overlayLocale(): string {
  return overlayText.language();
}

/**
 * Switches the overlay's words to those the background sent (undefined: the browser's own
 * language). Returns whether the language changed, so that an open card can be drawn again.
 */
export function setOverlayWords(words: OverlayWords | undefined): boolean {
  return overlayText.use(
    words ? { language: words.language, catalogue: words.messages } : undefined,
  );
}
