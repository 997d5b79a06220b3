import { classifyNumber, type ClassifiedNumber } from './classify.ts';
import { matchesDigitPattern, readDigitPattern } from './digit-pattern.ts';
import type { DialFormat, DialRule, NumberClass } from './types.ts';

/** One thing the dial plan did to a number, in order: what the tester and diagnostics show. */
export type DialStep =
  | { kind: 'read'; numberClass: NumberClass; subject: string; country?: string }
  | { kind: 'skip'; rule: number; name: string; why: 'disabled' | 'class' | 'pattern' | 'invalid' }
  | { kind: 'match'; rule: number; name: string }
  | { kind: 'format'; format: DialFormat; result: string }
  | { kind: 'strip'; removed: string; result: string }
  | { kind: 'prefix'; added: string; result: string }
  | { kind: 'no-match' };

export type DialPlanResult =
  | {
      ok: true;
      /** What goes to GWS. */
      dial: string;
      /** The number as it was given. */
      input: string;
      /** The rule that matched, by position and name. */
      rule?: { index: number; name: string };
      steps: DialStep[];
    }
  /** The matched rule leaves nothing to dial. */
  | { ok: false; input: string; rule: { index: number; name: string }; steps: DialStep[] };

function formatted(number: ClassifiedNumber, input: string, format: DialFormat): string {
  switch (format) {
    case 'as-given':
      return input;
    case 'e164':
      return number.e164 ?? number.subject;
    case 'national':
      return number.national ?? (number.e164 ?? number.subject).replace(/^\+/, '');
    case 'digits':
      return (number.e164 ?? number.subject).replace(/^\+/, '');
  }
}

/** Why `rule` does not apply to `number`, or undefined when it does. */
function mismatch(rule: DialRule, number: ClassifiedNumber, usable: boolean) {
  if (!rule.enabled) return 'disabled' as const;
  if (!usable) return 'invalid' as const;
  if (rule.classes.length > 0 && !rule.classes.includes(number.numberClass))
    return 'class' as const;
  if (rule.pattern === '') return undefined;
  const pattern = readDigitPattern(rule.pattern);
  // A rule that was never checked (an old stored value) is never evaluated half-way.
  if (!pattern.ok) return 'invalid' as const;
  return matchesDigitPattern(pattern.pattern, number.subject) ? undefined : ('pattern' as const);
}

/**
 * Runs the dial plan on one number: the first enabled rule whose classes and pattern match
 * rewrites it (format, strip, prefix); with no rule matching the number goes out exactly as
 * given. Never throws; the result is at most the number's length plus the prefix, or an
 * E.164 number plus the prefix.
 */
export function applyDialPlan(
  rules: readonly DialRule[],
  input: string,
  region: string,
  /** Rules (by position) that have a problem: the editor's tester shows them skipped. */
  unusable: ReadonlySet<number> = new Set(),
): DialPlanResult {
  const number = classifyNumber(input, region);
  const steps: DialStep[] = [
    {
      kind: 'read',
      numberClass: number.numberClass,
      subject: number.subject,
      ...(number.country ? { country: number.country } : {}),
    },
  ];
  const index = rules.findIndex((rule, i) => {
    const why = mismatch(rule, number, !unusable.has(i));
    if (why) steps.push({ kind: 'skip', rule: i, name: rule.name, why });
    return why === undefined;
  });
  const rule = rules[index];
  if (!rule) {
    steps.push({ kind: 'no-match' });
    return { ok: true, dial: input, input, steps };
  }
  const matched = { index, name: rule.name };
  steps.push({ kind: 'match', rule: index, name: rule.name });
  let result = formatted(number, input, rule.format);
  if (rule.format !== 'as-given') steps.push({ kind: 'format', format: rule.format, result });
  if (rule.stripDigits > 0) {
    const removed = result.slice(0, rule.stripDigits);
    result = result.slice(rule.stripDigits);
    steps.push({ kind: 'strip', removed, result });
  }
  if (rule.stripPrefix !== '' && result.startsWith(rule.stripPrefix)) {
    result = result.slice(rule.stripPrefix.length);
    steps.push({ kind: 'strip', removed: rule.stripPrefix, result });
  }
  if (result.trim() === '') return { ok: false, input, rule: matched, steps };
  if (rule.prefix !== '') {
    result = rule.prefix + result;
    steps.push({ kind: 'prefix', added: rule.prefix, result });
  }
  return { ok: true, dial: result, input, rule: matched, steps };
}
