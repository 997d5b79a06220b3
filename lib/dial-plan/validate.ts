import type { MessageWords } from '../screen-pop/types.ts';
import { readDigitPattern, type PatternProblem } from './digit-pattern.ts';
import {
  DIAL_FORMATS,
  NUMBER_CLASSES,
  type DialFormat,
  type DialRule,
  type NumberClass,
} from './types.ts';

/** More rules than this are not a dial plan anyone writes by hand. */
export const MAX_DIAL_RULES = 50;
const MAX_NAME = 60;
const MAX_STRIP_DIGITS = 15;
/** Prefixes are dialling codes: digits, `*` and `#`, at most 16 of them. */
const PREFIX = /^\+?[0-9*#]{0,16}$/;
const STRIP_PREFIX = /^\+?[0-9*#]{0,16}$/;

export type DialRuleField =
  'rule' | 'name' | 'classes' | 'pattern' | 'format' | 'stripDigits' | 'stripPrefix' | 'prefix';

/** One thing wrong with one rule, under the field it belongs to. */
export interface DialRuleProblem {
  index: number;
  field: DialRuleField;
  /** English, for files, diagnostics and policy reports. */
  message: string;
  words: MessageWords;
}

export interface DialRulesReading {
  /** The rules without a problem, in order: only these are ever used. */
  rules: DialRule[];
  problems: DialRuleProblem[];
}

function patternWords(problem: PatternProblem): { message: string; words: MessageWords } {
  switch (problem.kind) {
    case 'too-long':
      return { message: 'The pattern is too long', words: { key: 'dialPlanPatternTooLong' } };
    case 'bad-character':
      return {
        message: `"${problem.character}" cannot be used in a pattern`,
        words: { key: 'dialPlanPatternCharacter', args: [problem.character] },
      };
    case 'plus-not-first':
      return { message: '+ may only come first', words: { key: 'dialPlanPatternPlus' } };
    case 'wildcard-not-last':
      return {
        message: `"${problem.character}" may only come last`,
        words: { key: 'dialPlanPatternWildcard', args: [problem.character] },
      };
    case 'bad-set':
      return {
        message: `"${problem.set}" is not a set of digits`,
        words: { key: 'dialPlanPatternSet', args: [problem.set] },
      };
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Checks one rule as the editor or a policy gives it (any shape) and reads it into a rule.
 * Problems name the field; a rule with a problem is never used.
 */
export function readDialRule(
  raw: unknown,
  index: number,
): { rule: DialRule; problems: DialRuleProblem[] } {
  const problems: DialRuleProblem[] = [];
  const problem = (field: DialRuleField, message: string, words: MessageWords) =>
    problems.push({ index, field, message: `Dial-plan rule ${index + 1}: ${message}`, words });
  const item = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (item !== raw) problem('rule', 'it is not a rule', { key: 'dialPlanNotARule' });

  const name = text(item.name);
  if (name === '') problem('name', 'it has no name', { key: 'dialPlanNameMissing' });
  else if (name.length > MAX_NAME)
    problem('name', 'its name is too long', { key: 'dialPlanNameTooLong' });

  const classesRaw = item.classes === undefined ? [] : item.classes;
  const classes: NumberClass[] = [];
  if (
    !Array.isArray(classesRaw) ||
    classesRaw.some((c) => !NUMBER_CLASSES.includes(c as NumberClass))
  ) {
    problem('classes', `the number classes are not among ${NUMBER_CLASSES.join(', ')}`, {
      key: 'dialPlanClassesInvalid',
    });
  } else for (const c of classesRaw as NumberClass[]) if (!classes.includes(c)) classes.push(c);

  const pattern = text(item.pattern);
  if (pattern !== '') {
    const reading = readDigitPattern(pattern);
    if (!reading.ok) {
      const said = patternWords(reading.problem);
      problem('pattern', said.message, said.words);
    }
  }

  const format = item.format === undefined ? 'as-given' : item.format;
  if (!DIAL_FORMATS.includes(format as DialFormat)) {
    problem('format', `the format is not among ${DIAL_FORMATS.join(', ')}`, {
      key: 'dialPlanFormatInvalid',
    });
  }

  const stripDigits =
    item.stripDigits === undefined || item.stripDigits === '' ? 0 : Number(item.stripDigits);
  if (!Number.isInteger(stripDigits) || stripDigits < 0 || stripDigits > MAX_STRIP_DIGITS) {
    problem('stripDigits', 'the digits to strip are not a whole number from 0 to 15', {
      key: 'dialPlanStripDigitsInvalid',
    });
  }
  const stripPrefix = text(item.stripPrefix);
  if (!STRIP_PREFIX.test(stripPrefix)) {
    problem('stripPrefix', 'the prefix to strip is not up to 16 digits', {
      key: 'dialPlanStripPrefixInvalid',
    });
  }
  const prefix = text(item.prefix);
  if (!PREFIX.test(prefix)) {
    problem('prefix', 'the prefix to add is not up to 16 digits', { key: 'dialPlanPrefixInvalid' });
  }
  return {
    rule: {
      name,
      enabled: item.enabled !== false,
      classes,
      pattern,
      format: DIAL_FORMATS.includes(format as DialFormat) ? (format as DialFormat) : 'as-given',
      stripDigits: Number.isInteger(stripDigits) ? stripDigits : 0,
      stripPrefix,
      prefix,
    },
    problems,
  };
}

/**
 * Checks a rule list (the editor's draft, stored settings, policy): every rule that has a
 * problem is left out and reported, so a half-valid rule never rewrites a number.
 */
export function readDialRules(raw: unknown): DialRulesReading {
  if (!Array.isArray(raw)) {
    return raw === undefined
      ? { rules: [], problems: [] }
      : {
          rules: [],
          problems: [
            {
              index: 0,
              field: 'rule',
              message: 'The dial plan is not a list of rules',
              words: { key: 'dialPlanNotARule' },
            },
          ],
        };
  }
  const rules: DialRule[] = [];
  const problems: DialRuleProblem[] = [];
  raw.forEach((item: unknown, index) => {
    if (index >= MAX_DIAL_RULES) {
      if (index === MAX_DIAL_RULES) {
        problems.push({
          index,
          field: 'rule',
          message: `A dial plan has at most ${MAX_DIAL_RULES} rules; the rest are not used`,
          words: { key: 'dialPlanTooMany', args: [String(MAX_DIAL_RULES)] },
        });
      }
      return;
    }
    const read = readDialRule(item, index);
    if (read.problems.length === 0) rules.push(read.rule);
    problems.push(...read.problems);
  });
  return { rules, problems };
}
