import { RE2JS, RE2JSSyntaxException } from 're2js';
import { digitsOnly } from '../calls/numbers.ts';
import type {
  AniCondition,
  MessageWords,
  NumberForms,
  PopCall,
  RuleConditions,
  TextCondition,
  UserDataCondition,
} from './types.ts';

/**
 * Regular expressions run on call data (the ANI, attached data). Patterns come from the
 * administrator or the agent, values from the caller's side. A backtracking engine (the
 * browser's RegExp) can spend minutes on one short value with a pattern like `^(\w+)+\1$`
 * and freeze the background with it, so patterns run on RE2 (re2js): matching time is linear
 * in the value's length whatever the pattern. RE2 has no back-references and no look-arounds;
 * patterns using them are refused when the rule is checked (`regexProblem`). Values are still
 * cut to `MAX_TESTED_LENGTH` characters: no condition needs more, and it bounds the work per
 * value to a constant.
 */
const MAX_TESTED_LENGTH = 2000;
const MAX_CACHED_REGEXES = 200;
const regexCache = new Map<string, CompiledPattern>();

/** A compiled condition pattern: only "does it occur in the text". */
export interface CompiledPattern {
  test(text: string): boolean;
}

/** Why a pattern cannot be used, in English and as a catalogue entry. */
export interface RegexProblem {
  message: string;
  words: MessageWords;
}

/**
 * The first back-reference (`\1`, `\k<name>`) or look-around (`(?=`, `(?!`, `(?<=`, `(?<!`)
 * outside a character class, which RE2 does not have. Run on patterns JavaScript accepts, so
 * escapes and classes are well formed.
 */
function unsupportedConstruct(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `\\${next}`;
      if (!inClass && next === 'k' && pattern[i + 2] === '<') return '\\k<';
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      const look = /^\(\?(?:=|!|<=|<!)/.exec(pattern.slice(i, i + 4));
      if (look) return look[0];
    }
  }
  return undefined;
}

const problemOf = (message: string, words: MessageWords): RegexProblem => ({ message, words });

function badRegex(detail: string): RegexProblem {
  return problemOf(detail, { key: 'ruleProblemBadRegex', args: [detail] });
}

/**
 * Compiles a condition's pattern, or says why it cannot be used. Patterns are written in
 * JavaScript syntax (flag `u`, plus `i` when asked): the browser's parser checks them (it only
 * parses, it never matches), then they are translated to RE2 and compiled there.
 */
export function compileRegex(pattern: string, ignoreCase = false): CompiledPattern | RegexProblem {
  const key = `${ignoreCase ? 'i' : ''}/${pattern}`;
  const cached = regexCache.get(key);
  if (cached) return cached;
  try {
    new RegExp(pattern, ignoreCase ? 'iu' : 'u');
  } catch (error) {
    return badRegex(error instanceof Error ? error.message : String(error));
  }
  const construct = unsupportedConstruct(pattern);
  if (construct) {
    return problemOf(
      `"${construct}" is not supported: patterns may not use back-references or look-arounds`,
      { key: 'ruleProblemRegexUnsupported', args: [construct] },
    );
  }
  try {
    const regex = RE2JS.compile(
      RE2JS.translateRegExp(pattern),
      ignoreCase ? RE2JS.CASE_INSENSITIVE : 0,
    );
    const compiled: CompiledPattern = { test: (text) => regex.test(text) };
    if (regexCache.size >= MAX_CACHED_REGEXES) regexCache.clear();
    regexCache.set(key, compiled);
    return compiled;
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) {
      return badRegex(error.input ? `${error.error}: ${error.input}` : error.error);
    }
    return badRegex(error instanceof Error ? error.message : String(error));
  }
}

/** Why a pattern cannot be used, or undefined when it can. */
export function regexProblem(pattern: string, ignoreCase = false): RegexProblem | undefined {
  const compiled = compileRegex(pattern, ignoreCase);
  return 'test' in compiled ? undefined : compiled;
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
        if ('test' in regex && regex.test(candidate.slice(0, MAX_TESTED_LENGTH))) {
          return true;
        }
        break;
      }
    }
  }
  return false;
}

function aniMatches(condition: AniCondition, call: PopCall, ani: NumberForms | undefined): boolean {
  if (condition.op === 'country') {
    const code = ani?.country?.code.toUpperCase();
    return code !== undefined && condition.countries.some((c) => c.toUpperCase() === code);
  }
  return textMatches(condition, [
    call.ani,
    ani?.e164 ?? call.participantE164,
    ani?.digits ?? (digitsOnly(call.ani) || undefined),
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
  if (when.dnis && !textMatches(when.dnis, [call.dnis, digitsOnly(call.dnis) || undefined]))
    failed.push('dnis');
  if (when.ani && !aniMatches(when.ani, call, ani)) failed.push('ani');
  (when.userData ?? []).forEach((condition, index) => {
    if (!userDataHolds(condition, call.userData)) failed.push(`userData[${index}]`);
  });
  return failed;
}
