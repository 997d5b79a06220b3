import type { MessageWords, PopTrigger, ScreenPopRule } from '../screen-pop/types.ts';
import { ruleTriggerKey, testFailedKey } from '../i18n/keys.ts';
import { t } from '../i18n/messages.ts';

/**
 * How the options page names things about screen-pop rules. Rules may come broken from
 * storage, a file or policy, so every reader accepts any value and falls back to plain text.
 */

/**
 * A rule problem or URL refusal in the page's language, from its catalogue entry; its English
 * text where it has none (problems only a hand-made file can have).
 */
export function problemText(problem: {
  message: string;
  words?: MessageWords | undefined;
}): string {
  const { words } = problem;
  return words ? t(words.key, words.args) : problem.message;
}

/** The rule's name, else its id, else "Unnamed rule". */
export function ruleLabel(rule: Partial<ScreenPopRule> | undefined): string {
  if (typeof rule?.name === 'string' && rule.name.trim() !== '') return rule.name;
  if (typeof rule?.id === 'string' && rule.id !== '') return rule.id;
  return t('optionsRuleUnnamed');
}

/** "When the call rings" etc.; an unknown trigger as it is written. */
export function triggerLabel(trigger: unknown): string {
  return t(ruleTriggerKey(trigger), String(trigger));
}

/** The moments a test says the rule pops at: one trigger, or both (it pops once). */
export function triggersLabel(triggers: readonly PopTrigger[]): string {
  return triggers.length > 1 ? triggerLabel('both') : triggerLabel(triggers[0]);
}

/**
 * A failed condition as `testRule` names it (`dnis`, `userData[1]`…), in words; attached-data
 * conditions are named by their key in the tested rule.
 */
export function failedConditionLabel(name: string, rule: Partial<ScreenPopRule>): string {
  const row = /^userData\[(\d+)\]$/.exec(name);
  if (row) {
    const key = rule.when?.userData?.[Number(row[1])]?.key ?? '';
    return t('optionsTestFailedUserData', key);
  }
  return t(testFailedKey(name), name);
}
