import type {
  AniCondition,
  NumberForms,
  PopCall,
  RuleConditions,
  TextCondition,
  UserDataCondition,
} from './types.ts';

/**
 * Regular expressions run on call data (the ANI, attached data). Patterns come from the
 * administrator, values from the caller's side: the value is cut to this length so an
 * unlucky pattern cannot spend long on a huge attached-data value.
 */
const MAX_TESTED_LENGTH = 2000;
const MAX_CACHED_REGEXES = 200;
const regexCache = new Map<string, RegExp>();

/** Compiles a condition's regex (flag `u`, plus `i` when asked); an Error when it is invalid. */
export function compileRegex(pattern: string, ignoreCase = false): RegExp | Error {
  const flags = ignoreCase ? 'iu' : 'u';
  const key = `${flags}/${pattern}`;
  const cached = regexCache.get(key);
  if (cached) return cached;
  try {
    const regex = new RegExp(pattern, flags);
    if (regexCache.size >= MAX_CACHED_REGEXES) regexCache.clear();
    regexCache.set(key, regex);
    return regex;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** True when any of the candidate strings passes the text condition. */
export function textMatches(
  condition: TextCondition,
  candidates: Array<string | undefined>,
): boolean {
  const fold = (s: string) => (condition.ignoreCase ? s.toLowerCase() : s);
  const wanted = fold(condition.value);
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue;
    switch (condition.op) {
      case 'equals':
        if (fold(candidate) === wanted) return true;
        break;
      case 'prefix':
        if (fold(candidate).startsWith(wanted)) return true;
        break;
      case 'regex': {
        const regex = compileRegex(condition.value, condition.ignoreCase);
        if (regex instanceof RegExp && regex.test(candidate.slice(0, MAX_TESTED_LENGTH))) {
          return true;
        }
        break;
      }
    }
  }
  return false;
}

function digitsOf(value: string | undefined): string | undefined {
  const digits = value?.replace(/\D/g, '');
  return digits ? digits : undefined;
}

function aniMatches(condition: AniCondition, call: PopCall, ani: NumberForms | undefined): boolean {
  if (condition.op === 'country') {
    const code = ani?.country?.code.toUpperCase();
    return code !== undefined && condition.countries.some((c) => c.toUpperCase() === code);
  }
  return textMatches(condition, [
    call.ani,
    ani?.e164 ?? call.participantE164,
    ani?.digits ?? digitsOf(call.ani),
  ]);
}

/** Attached data as text for matching; nested values have no text form. */
function userDataText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function userDataHolds(condition: UserDataCondition, userData: Record<string, unknown>): boolean {
  const value = Object.hasOwn(userData, condition.key) ? userData[condition.key] : undefined;
  const present = value !== undefined && value !== null && value !== '';
  if (condition.present === false) return !present;
  if (!present) return false;
  return condition.match ? textMatches(condition.match, [userDataText(value)]) : true;
}

/**
 * The conditions of a rule that do not hold for this call (empty: the rule matches), named
 * the way the rule editor shows them.
 */
export function failedConditions(
  when: RuleConditions,
  call: PopCall,
  ani: NumberForms | undefined,
): string[] {
  const failed: string[] = [];
  const direction = when.direction ?? 'incoming';
  if (direction !== 'any' && direction !== call.direction) failed.push('direction');
  if (when.callTypes && when.callTypes.length > 0 && !when.callTypes.includes(call.callType)) {
    failed.push('callTypes');
  }
  if (when.dnis && !textMatches(when.dnis, [call.dnis, digitsOf(call.dnis)])) failed.push('dnis');
  if (when.ani && !aniMatches(when.ani, call, ani)) failed.push('ani');
  (when.userData ?? []).forEach((condition, index) => {
    if (!userDataHolds(condition, call.userData)) failed.push(`userData[${index}]`);
  });
  return failed;
}
