import {
  countryBadge,
  enrichNumber,
  formatAsYouType,
  normalizeDialString,
} from '../phone/enrich.ts';
import { numberTypeKey } from '../i18n/keys.ts';
import { t, uiLanguage } from '../i18n/messages.ts';
import { agentRegion } from '../settings/agent-region.ts';

/** A number as the popup shows it. All fields are plain text. */
export interface NumberView {
  /** Formatted for reading (international form for foreign numbers), else the raw text. */
  display: string;
  e164?: string;
  flag?: string;
  countryName?: string;
  region?: string;
  /** libphonenumber's type name, e.g. MOBILE, FIXED_LINE (see numberTypeLabel). */
  type?: string;
  /** A short internal extension (no country). */
  internal: boolean;
}

const MAX_CACHED = 200;
const cache = new Map<string, NumberView>();

/**
 * Describes a number for display, in the agent's region and the page's language. The popup
 * re-renders every second while calls run, so results are cached (bounded) per raw text,
 * region and language.
 */
export function describeNumber(raw: string): NumberView {
  const locale = uiLanguage();
  const region = agentRegion();
  const key = `${locale}\n${region}\n${raw}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const view = compute(raw, locale, region);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, view);
  return view;
}

function compute(raw: string, locale: string, region: string): NumberView {
  const text = raw.trim();
  if (!text) return { display: '', internal: false };
  const info = enrichNumber(text, region, locale);
  if (info.internal || !info.possible) return { display: text, internal: info.internal };
  // Numbers of the agent's own country read best in national form, others in international.
  // A possible number outside known ranges is still formatted; country and type need validity.
  const sameCountry = info.country?.code === region;
  const view: NumberView = {
    display: (sameCountry ? info.national : info.international) ?? info.international ?? text,
    internal: false,
  };
  if (info.e164) view.e164 = info.e164;
  if (info.country?.code) {
    const flag = countryBadge(info.country.code);
    if (flag) view.flag = flag;
  }
  if (info.country?.name) view.countryName = info.country.name;
  // `region` is the country itself outside NANP; shown once is enough.
  if (info.region && info.region !== info.country?.name) view.region = info.region;
  if (info.type) view.type = info.type;
  return view;
}

export function numberTypeLabel(type: string): string {
  return t(numberTypeKey(type), type);
}

export type DialProblem = 'empty' | 'invalid';

export type DialCheck = { ok: true; dial: string } | { ok: false; problem: DialProblem };

/**
 * Turns what the agent typed or pasted (any format: spaces, brackets, dots, `tel:`, a
 * leading +, letters…) into the string to dial, or says why it cannot be dialled. Nothing
 * invalid is ever sent to GWS.
 */
export function checkDialInput(input: string): DialCheck {
  if (input.trim() === '') return { ok: false, problem: 'empty' };
  const result = normalizeDialString(input, agentRegion());
  if (!result.ok || !result.dial) return { ok: false, problem: 'invalid' };
  return { ok: true, dial: result.dial };
}

export function dialProblemText(problem: DialProblem): string {
  return problem === 'empty' ? t('dialProblemEmpty') : t('dialProblemInvalid');
}

/**
 * As-you-type formatting for the agent's region. Only plain phone-number text is formatted:
 * anything with letters, `*`, `#` or other marks is left exactly as typed, so nothing the
 * agent typed or pasted silently disappears (the dial check explains it instead).
 */
export function formatTyping(input: string): string {
  if (!/^[0-9+\s().-]*$/.test(input)) return input;
  return formatAsYouType(input, agentRegion());
}

/** Removes the last dialable character (a digit, +, * or #), whatever formatting follows it. */
export function backspaceDial(value: string): string {
  const trimmed = value.replace(/[0-9A-Za-z+*#][^0-9A-Za-z+*#]*$/, '');
  return formatTyping(trimmed);
}
