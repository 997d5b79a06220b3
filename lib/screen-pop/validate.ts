import { regexProblem } from './conditions.ts';
import { parseTemplate } from './template.ts';
import { templateOriginProblem } from './url-safety.ts';
import type { MessageWords, RuleProblem, RuleProblemCode, ScreenPopRule } from './types.ts';

const TRIGGERS = new Set(['ringing', 'established', 'both']);
const DIRECTIONS = new Set(['incoming', 'outgoing', 'any']);
const TEXT_OPS = new Set(['equals', 'prefix', 'regex']);

type Report = (path: string, code: RuleProblemCode, message: string, words?: MessageWords) => void;

/** A plain object (not null, not a list): what a rule and its parts must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkText(value: unknown, path: string, report: Report): void {
  if (!isRecord(value)) return report(path, 'bad-value', `${path} must be an object`);
  if (typeof value.op !== 'string' || !TEXT_OPS.has(value.op)) {
    report(`${path}.op`, 'bad-value', `${path}.op must be one of: equals, prefix, regex`);
  }
  if (typeof value.value !== 'string' || value.value === '') {
    return report(`${path}.value`, 'missing-field', `${path}.value must be a non-empty text`, {
      key: 'ruleProblemEmptyValue',
    });
  }
  if (value.ignoreCase !== undefined && typeof value.ignoreCase !== 'boolean') {
    report(`${path}.ignoreCase`, 'bad-value', `${path}.ignoreCase must be true or false`);
  }
  if (value.op === 'regex') {
    const problem = regexProblem(value.value, value.ignoreCase === true);
    if (problem) {
      report(
        `${path}.value`,
        'bad-regex',
        `${path}.value is not a valid regular expression: ${problem.message}`,
        problem.words,
      );
    }
  }
}

function checkConditions(when: unknown, report: Report): void {
  if (when === undefined) return;
  if (!isRecord(when)) return report('when', 'bad-value', 'when must be an object');
  const { callTypes, direction, dnis, ani, userData } = when;
  if (
    callTypes !== undefined &&
    !(Array.isArray(callTypes) && callTypes.every((t) => typeof t === 'string' && t !== ''))
  ) {
    report('when.callTypes', 'bad-value', 'when.callTypes must be a list of call types');
  }
  if (direction !== undefined && !(typeof direction === 'string' && DIRECTIONS.has(direction))) {
    report('when.direction', 'bad-value', 'when.direction must be incoming, outgoing or any');
  }
  if (dnis !== undefined) checkText(dnis, 'when.dnis', report);
  if (ani !== undefined) {
    if (isRecord(ani) && ani.op === 'country') {
      const ok =
        Array.isArray(ani.countries) &&
        ani.countries.length > 0 &&
        ani.countries.every((c) => typeof c === 'string' && /^[A-Za-z]{2}$/.test(c));
      if (!ok) {
        report(
          'when.ani.countries',
          'bad-value',
          'when.ani.countries must list two-letter country codes, e.g. ["GB", "IE"]',
          { key: 'ruleProblemCountries' },
        );
      }
    } else {
      checkText(ani, 'when.ani', report);
    }
  }
  if (userData === undefined) return;
  if (!Array.isArray(userData)) {
    return report('when.userData', 'bad-value', 'when.userData must be a list');
  }
  userData.forEach((condition: unknown, i) => {
    const path = `when.userData[${i}]`;
    if (!isRecord(condition)) return report(path, 'bad-value', `${path} must be an object`);
    if (typeof condition.key !== 'string' || condition.key === '') {
      report(`${path}.key`, 'missing-field', `${path}.key must name an attached-data key`, {
        key: 'ruleProblemUserDataKey',
      });
    }
    if (condition.present !== undefined && typeof condition.present !== 'boolean') {
      report(`${path}.present`, 'bad-value', `${path}.present must be true or false`);
    }
    if (condition.match !== undefined) {
      if (condition.present === false) {
        report(`${path}.match`, 'bad-value', `${path} cannot require a value and its absence`);
      }
      checkText(condition.match, `${path}.match`, report);
    }
  });
}

function checkUrl(url: unknown, report: Report): void {
  if (typeof url !== 'string' || url.trim() === '') {
    return report('url', 'missing-field', 'url must be a URL template', {
      key: 'ruleProblemUrlMissing',
    });
  }
  for (const problem of parseTemplate(url).problems) {
    report('url', problem.code, problem.message, problem.words);
  }
  const origin = templateOriginProblem(url);
  if (origin) report('url', 'unsafe-url', origin.message, origin.words);
}

function checkTab(tab: unknown, report: Report): void {
  if (!isRecord(tab)) return report('tab', 'missing-field', 'tab must be an object');
  const { matchUrl, reusePopTab, newWindow } = tab;
  if (matchUrl !== undefined) {
    if (typeof matchUrl !== 'string') {
      report('tab.matchUrl', 'bad-value', 'tab.matchUrl must be a text');
    } else if (matchUrl !== '' && !/^(https?:\/\/|\*:\/\/|\/(?!\/))/i.test(matchUrl)) {
      report(
        'tab.matchUrl',
        'bad-value',
        'tab.matchUrl must start with http://, https://, *:// or / (relative to the CRM base URL)',
        { key: 'ruleProblemMatchUrlStart' },
      );
    }
  }
  if (typeof reusePopTab !== 'boolean') {
    report('tab.reusePopTab', 'missing-field', 'tab.reusePopTab must be true or false');
  }
  if (typeof newWindow !== 'boolean') {
    report('tab.newWindow', 'missing-field', 'tab.newWindow must be true or false');
  }
}

/**
 * Everything wrong with one rule, each with the field it concerns and a message the rule
 * editor can show as is. No problems: the rule can be saved and used. Accepts any value,
 * since rules also come from imported files.
 */
export function validateRule(rule: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isRecord(rule)) {
    return [{ path: '', code: 'bad-value', message: 'A rule must be an object' }];
  }
  const ruleId = typeof rule.id === 'string' && rule.id !== '' ? rule.id : undefined;
  const report: Report = (path, code, message, words) =>
    problems.push({
      ...(ruleId === undefined ? {} : { ruleId }),
      path,
      code,
      message,
      ...(words ? { words } : {}),
    });
  if (ruleId === undefined) report('id', 'missing-field', 'id must be a non-empty text');
  if (typeof rule.name !== 'string') report('name', 'missing-field', 'name must be a text');
  if (typeof rule.enabled !== 'boolean') {
    report('enabled', 'missing-field', 'enabled must be true or false');
  }
  if (typeof rule.trigger !== 'string' || !TRIGGERS.has(rule.trigger)) {
    report('trigger', 'bad-value', 'trigger must be ringing, established or both');
  }
  checkConditions(rule.when, report);
  checkUrl(rule.url, report);
  checkTab(rule.tab, report);
  return problems;
}

/** Problems of every rule, plus ids used twice. */
export function validateRules(rules: unknown): RuleProblem[] {
  if (!Array.isArray(rules)) {
    return [{ path: '', code: 'bad-value', message: 'The rules must be a list' }];
  }
  const problems = rules.flatMap((rule) => validateRule(rule));
  const seen = new Set<string>();
  for (const rule of rules as Array<Partial<ScreenPopRule>>) {
    if (typeof rule?.id !== 'string') continue;
    if (seen.has(rule.id)) {
      problems.push({
        ruleId: rule.id,
        path: 'id',
        code: 'duplicate-id',
        message: `The id "${rule.id}" is used by more than one rule`,
      });
    }
    seen.add(rule.id);
  }
  return problems;
}

/** True when the value is a rule with no problems (safe to evaluate). */
export function isValidRule(rule: unknown): rule is ScreenPopRule {
  return validateRule(rule).length === 0;
}
