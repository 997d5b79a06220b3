import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import type { DialRule } from '@/lib/dial-plan/types';
import type { RuleProblem } from '@/lib/screen-pop/types';
import {
  moved,
  newDraft,
  problemsByRule,
  readDrafts,
  toDraft,
  type DialRuleDraft,
} from '@/lib/ui/dial-rule-drafts';
import type { DialRuleProblem } from '@/lib/dial-plan/validate';
import { OptionsSection } from './OptionsSection';
import { LockedNote } from './LockedNote';
import { ProblemList } from './ProblemList';
import { SaveStatus, useSaver } from './SaveStatus';
import { DialRuleFields } from './DialRuleFields';
import { DialPlanTester } from './DialPlanTester';

interface Props {
  /** The agent's own rules; undefined while loading. */
  rules?: DialRule[];
  /** The policy's rules, when it sets them: shown read-only, in force instead. */
  managed?: DialRule[];
  /** What is wrong with the policy's rules (those rules are not used). */
  policyProblems: readonly RuleProblem[];
  region: string;
  onSave: (rules: DialRule[]) => Promise<void>;
}

/**
 * The dial-plan editor: ordered rules to add, remove, reorder and switch off, checked field by
 * field on Save (nothing is saved while any field has a problem), and a tester that tries
 * the rules as they stand. Rules set by policy are shown locked.
 */
export function DialPlanSection({ rules, managed, policyProblems, region, onSave }: Props) {
  const saver = useSaver();
  const locked = managed !== undefined;
  const [drafts, setDrafts] = useState<DialRuleDraft[] | undefined>(undefined);
  const [problems, setProblems] = useState<DialRuleProblem[]>([]);
  const source = managed ?? rules;
  // Drafts keep their keys while edited; a saved (or newly loaded) list starts afresh.
  const loaded = useMemo(() => source?.map(toDraft), [source]);
  const current = drafts ?? loaded ?? [];
  const byRule = problemsByRule(problems);
  const read = readDrafts(current);

  const edit = (next: DialRuleDraft[]) => {
    setDrafts(next);
    setProblems([]);
  };
  const save = () => {
    if (locked || !rules) return;
    const checked = readDrafts(current);
    setProblems(checked.problems);
    if (checked.problems.length > 0) return;
    void saver.run(t('optionsSaveFailed'), async () => {
      await onSave(checked.rules);
      setDrafts(undefined);
    });
  };

  return (
    <OptionsSection
      id="dial-plan"
      title={t('optionsDialPlanTitle')}
      help={t('optionsDialPlanHelp')}
    >
      {locked ? <LockedNote id="dial-plan-locked" /> : null}
      {policyProblems.length > 0 ? (
        <div role="alert">
          <p>{t('optionsDialPlanPolicyProblems')}</p>
          <ProblemList problems={policyProblems} />
        </div>
      ) : null}
      <form
        class="stack-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {current.length === 0 ? <p class="muted">{t('optionsDialPlanEmpty')}</p> : null}
        {current.map((draft, i) => (
          <DialRuleFields
            key={draft.key}
            draft={draft}
            index={i}
            count={current.length}
            problems={byRule.get(i)}
            locked={locked}
            onChange={(patch) => edit(current.map((d, j) => (j === i ? { ...d, ...patch } : d)))}
            onMove={(to) => edit(moved(current, i, to))}
            onRemove={() => edit(current.filter((_, j) => j !== i))}
          />
        ))}
        {problems.length > 0 ? (
          <p class="field-error" role="alert">
            {t('optionsDialPlanNotSaved')}
          </p>
        ) : null}
        {locked ? null : (
          <div class="button-row">
            <button
              type="button"
              class="btn btn-plain"
              disabled={!rules}
              onClick={() => edit([...current, newDraft(t('optionsDialPlanNewRule'))])}
            >
              {t('optionsDialPlanAdd')}
            </button>
            <button type="submit" class="btn btn-primary" disabled={!rules || saver.pending}>
              {t('optionsDialPlanSave')}
            </button>
          </div>
        )}
      </form>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
      <DialPlanTester
        rules={read.rules}
        unusable={new Set(read.problems.map((p) => p.index))}
        region={region}
      />
    </OptionsSection>
  );
}
