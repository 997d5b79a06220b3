import { readDialRule, type DialRuleField, type DialRuleProblem } from '../dial-plan/validate.ts';
import { blankRule, type DialRule } from '../dial-plan/types.ts';

/** A rule as the editor holds it: numbers as typed, and a key that survives reordering. */
export type DialRuleDraft = Omit<DialRule, 'stripDigits'> & { stripDigits: string; key: number };

let nextKey = 0;

export function toDraft(rule: DialRule): DialRuleDraft {
  return { ...rule, stripDigits: String(rule.stripDigits), key: ++nextKey };
}

export function newDraft(name: string): DialRuleDraft {
  return toDraft(blankRule(name));
}

/** The drafts read as rules, each with its problems (the tester and Save both use this). */
export function readDrafts(drafts: readonly DialRuleDraft[]): {
  rules: DialRule[];
  problems: DialRuleProblem[];
} {
  const read = drafts.map(({ key: _key, ...draft }, i) => readDialRule(draft, i));
  return { rules: read.map((r) => r.rule), problems: read.flatMap((r) => r.problems) };
}

/** The first problem of each field of each rule: `problems.get(index)?.get(field)`. */
export function problemsByRule(
  problems: readonly DialRuleProblem[],
): Map<number, Map<DialRuleField, DialRuleProblem>> {
  const out = new Map<number, Map<DialRuleField, DialRuleProblem>>();
  for (const p of problems) {
    const fields = out.get(p.index) ?? new Map<DialRuleField, DialRuleProblem>();
    if (!fields.has(p.field)) fields.set(p.field, p);
    out.set(p.index, fields);
  }
  return out;
}

/** `list` with the item at `from` moved to `to` (both inside the list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}
