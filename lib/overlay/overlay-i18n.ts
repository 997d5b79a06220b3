import browser from 'webextension-polyfill';
import { catalogueMessage, type Catalogue } from '../settings/ui-language.ts';
import type { MessageKey } from '../ui/i18n.ts';
import { ERROR_MESSAGES } from '../errors/error-codes.ts';

/**
 * Every catalogue message the CRM page overlay shows, and nothing else. The background sends
 * the chosen language's entries of exactly these keys with the page config (a content script
 * cannot read `_locales`, which stays out of web_accessible_resources), so a text the overlay
 * shows must be listed here: `ot` accepts no other key.
 */
export const OVERLAY_MESSAGE_KEYS = [
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
  'overlayCall',
  'cancel',
  'overlaySignInHint',
  'overlayLiveCall',
  'overlayAnotherCall',
  'overlayCallWith',
  'overlayAnotherParty',
  'controlAnswer',
  'controlHangup',
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
  ...(['Dialing', 'Ringing', 'Established', 'Held', 'Released'] as const).map(
    (s) => `callState_${s}` as const,
  ),
  ...(['Inbound', 'Outbound', 'Internal', 'Consult'] as const).map((s) => `callType_${s}` as const),
  ...(
    [
      'MOBILE',
      'FIXED_LINE',
      'FIXED_LINE_OR_MOBILE',
      'TOLL_FREE',
      'PREMIUM_RATE',
      'SHARED_COST',
      'VOIP',
      'PERSONAL_NUMBER',
      'PAGER',
      'UAN',
      'VOICEMAIL',
    ] as const
  ).map((s) => `numberType_${s}` as const),
] as const satisfies readonly MessageKey[];

export type OverlayMessageKey = (typeof OVERLAY_MESSAGE_KEYS)[number];

/** The agent's chosen language and the overlay's messages in it (page config `words`). */
export interface OverlayWords {
  language: string;
  messages: Catalogue;
}

/**
 * The overlay's own entries of a catalogue (message and placeholders; descriptions dropped),
 * for the page config: a page gets the words it shows, not the extension's whole catalogue.
 */
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

const KNOWN = new Set<string>(OVERLAY_MESSAGE_KEYS);
let chosen: OverlayWords | undefined;

/**
 * Switches the overlay's words to those the background sent (undefined: the browser's own
 * language, through `i18n.getMessage`). Returns whether the language changed, so that an
 * open card can be drawn again.
 */
export function setOverlayWords(words: OverlayWords | undefined): boolean {
  const changed = words?.language !== chosen?.language;
  chosen = words;
  return changed;
}

/** The language the overlay speaks, for `Intl` (local time) and the card's `lang`. */
export function overlayLocale(): string {
  if (chosen) return chosen.language;
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

type Substitutions = string | number | ReadonlyArray<string | number>;

/**
 * An overlay text: the chosen language's message when the background sent one, else the
 * browser's (`i18n.getMessage` works in content scripts and follows the browser language),
 * else the key itself so a gap is visible.
 */
export function ot(key: OverlayMessageKey, subs?: Substitutions): string {
  const list = subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);
  const own = chosen ? catalogueMessage(chosen.messages, key, list) : undefined;
  return own ?? (browser.i18n.getMessage(key, list) || key);
}

/** A text chosen at run time from a value (e.g. `callState_${state}`); `fallback` if unlisted. */
export function otOr(key: string, fallback: string, subs?: Substitutions): string {
  return KNOWN.has(key) ? ot(key as OverlayMessageKey, subs) : fallback;
}
