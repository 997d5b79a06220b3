import { t, type MessageKey } from '../i18n/messages.ts';
import { formatAsYouType } from '../phone/enrich.ts';
import { applyDialPlan, type DialPlanResult, type DialStep } from '../dial-plan/apply.ts';
import type { DialFormat, DialRule, NumberClass } from '../dial-plan/types.ts';

export const CLASS_WORDS: Readonly<Record<NumberClass, MessageKey>> = {
  internal: 'dialPlanClassInternal',
  national: 'dialPlanClassNational',
  international: 'dialPlanClassInternational',
  other: 'dialPlanClassOther',
};

export const FORMAT_WORDS: Readonly<Record<DialFormat, MessageKey>> = {
  'as-given': 'dialPlanFormatAsGiven',
  e164: 'dialPlanFormatE164',
  national: 'dialPlanFormatNational',
  digits: 'dialPlanFormatDigits',
};

const SKIP_WORDS: Readonly<Record<Extract<DialStep, { kind: 'skip' }>['why'], MessageKey>> = {
  disabled: 'dialPlanSkipDisabled',
  class: 'dialPlanSkipClass',
  pattern: 'dialPlanSkipPattern',
  invalid: 'dialPlanSkipInvalid',
};

/** One step of the dial plan in words, for the options page's tester. */
export function dialStepText(step: DialStep): string {
  switch (step.kind) {
    case 'read':
      return t('dialPlanStepRead', [step.subject, t(CLASS_WORDS[step.numberClass])]);
    case 'skip':
      return t('dialPlanStepSkip', [String(step.rule + 1), step.name, t(SKIP_WORDS[step.why])]);
    case 'match':
      return t('dialPlanStepMatch', [String(step.rule + 1), step.name]);
    case 'format':
      return t('dialPlanStepFormat', [t(FORMAT_WORDS[step.format]), step.result]);
    case 'strip':
      return t('dialPlanStepStrip', [step.removed, step.result]);
    case 'prefix':
      return t('dialPlanStepPrefix', [step.added, step.result]);
    case 'no-match':
      return t('dialPlanStepNoMatch');
  }
}

/**
 * The dial string grouped for reading: an added prefix apart, then the rest as a person
 * writes it ("9 020 7946 0958"). Only spacing differs from what is dialled.
 */
export function dialStringText(result: DialPlanResult & { ok: true }, region: string): string {
  const prefix = result.steps.find(
    (s): s is Extract<DialStep, { kind: 'prefix' }> => s.kind === 'prefix',
  );
  const rest = prefix ? result.dial.slice(prefix.added.length) : result.dial;
  const format = result.steps.find((s) => s.kind === 'format');
  const national = format?.kind === 'format' && format.format === 'national';
  const grouped = /^\+?\d+$/.test(rest)
    ? formatAsYouType(rest, national ? region : undefined)
    : rest;
  return prefix ? `${prefix.added} ${grouped}` : grouped;
}

/**
 * What the popup shows under a number about to be dialled: the dial string when the dial
 * plan changes it, else nothing.
 */
export function dialPreview(
  rules: readonly DialRule[],
  number: string,
  region: string,
): string | undefined {
  if (rules.length === 0) return undefined;
  const result = applyDialPlan(rules, number, region);
  if (!result.ok || result.dial === number) return undefined;
  return dialStringText(result, region);
}
