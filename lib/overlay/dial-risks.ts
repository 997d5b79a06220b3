import type { PageNumberInfo } from '../messaging/page-messages.ts';

/**
 * Why a dial asks the agent first, whatever the "Confirm before dialling" setting: a link
 * that dials digits its text does not show, a number that costs the caller more, or a number
 * of a type nobody could tell.
 */
export type DialRisk = 'hidden-number' | 'premium-rate' | 'shared-cost' | 'unknown-type';

/** Most characters of a link's text looked at (bounded work on a hostile page). */
const MAX_TEXT = 200;
/** The shortest run of digits that counts as showing a number (a local number without area). */
const MIN_SHOWN_DIGITS = 7;

const digitsOf = (text: string) => text.replace(/\D+/g, '');

/**
 * Whether a `tel:`/`callto:` link's visible text hides what it dials: its digits must
 * contain the dialled number, or be at least a local number's worth of its last digits
 * ("(900) 555-0142" for tel:+19005550142). "Download report" shows none.
 */
export function linkHidesNumber(visibleText: string, dialled: string): boolean {
  const shown = digitsOf(visibleText.slice(0, MAX_TEXT));
  const number = digitsOf(dialled);
  if (number === '') return true;
  if (shown.includes(number)) return false;
  return !(shown.length >= Math.min(MIN_SHOWN_DIGITS, number.length) && number.endsWith(shown));
}

/**
 * The risk a dial of this number carries, if any. Number facts not known yet count as an
 * unknown type; internal directory numbers carry none.
 */
export function dialRisk(
  info: PageNumberInfo | undefined,
  hiddenByLink: boolean,
): DialRisk | undefined {
  if (hiddenByLink) return 'hidden-number';
  if (info?.internal) return undefined;
  if (info?.type === 'PREMIUM_RATE') return 'premium-rate';
  if (info?.type === 'SHARED_COST') return 'shared-cost';
  if (!info?.valid || info.type === undefined || info.type === 'UNKNOWN') return 'unknown-type';
  return undefined;
}
