import { formToRule, problemField, type RuleForm } from '../screen-pop/rule-form.ts';
import { validateRule } from '../screen-pop/validate.ts';
import type { RuleProblem, ScreenPopRule } from '../screen-pop/types.ts';
import { t } from '../i18n/messages.ts';
import { problemText } from './rule-view.ts';

export interface CheckedRuleForm {
  rule: ScreenPopRule;
  /** Empty: the rule may be saved. */
  problems: RuleProblem[];
}

/**
 * What the rule editor's Save checks: everything `validateRule` finds, plus what only the
 * editor knows: the id must not be another rule's, a rule needs a name, and "tabs matching
 * a pattern" needs the pattern (an empty one would silently mean "never").
 */
export function checkRuleForm(form: RuleForm, otherIds: readonly string[]): CheckedRuleForm {
  const rule = formToRule(form);
  const problems = validateRule(rule);
  const add = (path: string, code: RuleProblem['code'], message: string) =>
    problems.push({ ...(rule.id ? { ruleId: rule.id } : {}), path, code, message });
  if (rule.name === '') add('name', 'missing-field', t('optionsRuleNameMissing'));
  if (rule.id !== '' && otherIds.includes(rule.id)) {
    add('id', 'duplicate-id', t('optionsRuleDuplicateId', rule.id));
  }
  if (form.tabReuse === 'pattern' && form.matchUrl.trim() === '') {
    add('tab.matchUrl', 'missing-field', t('optionsRulePatternMissing'));
  }
  return { rule, problems };
}

/** Problem messages by form field (see `problemField`); '' collects those of no field. */
export function problemsByField(problems: readonly RuleProblem[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const field = problemField(problem.path);
    byField.set(field, [...(byField.get(field) ?? []), problemText(problem)]);
  }
  return byField;
}
