import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { ruleLabel } from '@/lib/ui/rule-view';
import { exportRules, importRules } from '@/lib/screen-pop/import-export';
import { copyRule, moveItem, newRule } from '@/lib/screen-pop/rule-form';
import { validateRules } from '@/lib/screen-pop/validate';
import { DEFAULT_CRM_BASE_URL } from '@/lib/screen-pop/defaults';
import type { RuleProblem, ScreenPopRule } from '@/lib/screen-pop/types';
import { screenPopSettingsProblems, type ScreenPopSettings } from '@/lib/settings/screen-pop-rules';
import type { ManagedScreenPop } from '@/lib/settings/managed-screen-pop';
import { PendingButton } from '../PendingButton';
import { CrmBaseUrlField } from './CrmBaseUrlField';
import { LockedNote } from './LockedNote';
import { OptionsSection } from './OptionsSection';
import { ProblemList } from './ProblemList';
import { RuleEditor } from './RuleEditor';
import { RuleList, type RowFocus } from './RuleList';
import { ExplainedError, SaveStatus, useSaver } from './SaveStatus';

interface Props {
  /** The agent's stored screen-pop settings; undefined while loading. */
  settings?: ScreenPopSettings;
  /** What policy fixes (rules, CRM base URL); shown locked. */
  managed?: ManagedScreenPop;
  /** The agent's region: the rule tester reads national numbers in it, as calls are read. */
  region: string;
  /** Saves the agent's rules (validated again by the store). */
  onSaveRules: (rules: ScreenPopRule[]) => Promise<void>;
  onSaveBaseUrl: (crmBaseUrl: string) => Promise<void>;
  /** Saves a file the agent downloads. */
  download: (fileName: string, text: string) => void;
}

interface Editing {
  index: number | 'new';
  rule: ScreenPopRule;
}

/**
 * The screen-pop rules in order (the first that matches a call opens its page): the list,
 * with changes saved at once, a rule editor with a tester, the CRM base URL, and JSON
 * export/import (all or nothing). Rules or base URL set by policy are shown locked. A change
 * that cannot be saved because other rules still have problems is kept here, unsaved, until
 * they are fixed or the change is discarded.
 */
export function ScreenPopSection({
  settings,
  region,
  managed,
  onSaveRules,
  onSaveBaseUrl,
  download,
}: Props) {
  const saver = useSaver();
  const [draft, setDraft] = useState<ScreenPopRule[] | undefined>(undefined);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [focus, setFocus] = useState<RowFocus | 'add' | undefined>(undefined);
  const [importProblems, setImportProblems] = useState<RuleProblem[]>([]);
  const addRef = useRef<HTMLButtonElement>(null);

  const loaded = settings !== undefined;
  const locked = managed?.rules !== undefined;
  const inForce = managed?.rules ?? settings?.rules ?? [];
  const rules = locked ? inForce : (draft ?? inForce);
  const crmBaseUrl = managed?.crmBaseUrl ?? settings?.crmBaseUrl ?? DEFAULT_CRM_BASE_URL;
  const ownProblems =
    locked || !settings ? [] : draft ? validateRules(draft) : screenPopSettingsProblems(settings);
  const policyProblems = managed?.problems ?? [];
  const ids = rules.map((r) => String(r.id));

  useEffect(() => {
    if (focus !== 'add' || editing) return;
    addRef.current?.focus();
    setFocus(undefined);
  }, [focus, editing]);

  /**
   * Saves the list, or keeps it here unsaved when it has problems or the save fails. Row
   * actions (`fromRow`) are ignored while a save is in flight, so a double click cannot
   * interleave two lists.
   */
  const commit = (next: ScreenPopRule[], done: string, then?: RowFocus | 'add', fromRow = true) => {
    if (fromRow && saver.pending) return;
    if (then) setFocus(then);
    return saver.run(t('optionsRulesSaveFailed'), async () => {
      setDraft(next);
      const problems = validateRules(next);
      if (problems.length > 0) {
        throw new ExplainedError(t('optionsRulesKeptUnsaved', problems.length));
      }
      await onSaveRules(next);
      setDraft(undefined);
      return done;
    });
  };

  const handlers = (i: number) => {
    const rule = rules[i]!;
    const label = ruleLabel(rule);
    const id = String(rule.id);
    return {
      onEdit: () => {
        saver.clear();
        setEditing({ index: i, rule });
      },
      onMove: (delta: -1 | 1) =>
        void commit(moveItem(rules, i, i + delta), t('optionsRuleMoved', [label, i + delta + 1]), {
          id,
          action: delta < 0 ? 'up' : 'down',
        }),
      onDuplicate: () => {
        const copy = copyRule(rule, t('optionsRuleCopyName', label), ids);
        const next = [...rules.slice(0, i + 1), copy, ...rules.slice(i + 1)];
        void commit(next, t('optionsRuleDuplicated', label), { id: copy.id, action: 'edit' });
      },
      onDelete: () => {
        const neighbour = rules[i + 1] ?? rules[i - 1];
        void commit(
          rules.filter((_, j) => j !== i),
          t('optionsRuleDeleted', label),
          neighbour ? { id: String(neighbour.id), action: 'edit' } : 'add',
        );
      },
      onToggle: (enabled: boolean) =>
        void commit(
          rules.map((r, j) => (j === i ? { ...r, enabled } : r)),
          t(enabled ? 'optionsRuleTurnedOn' : 'optionsRuleTurnedOff', label),
          { id, action: 'toggle' },
        ),
    };
  };

  const saveEdited = (rule: ScreenPopRule) => {
    if (!editing) return;
    const next =
      editing.index === 'new'
        ? [...rules, rule]
        : rules.map((r, j) => (j === editing.index ? rule : r));
    setEditing(undefined);
    void commit(
      next,
      t('optionsRuleSaved', ruleLabel(rule)),
      { id: rule.id, action: 'edit' },
      false,
    );
  };

  const cancelEdit = () => {
    if (!editing) return;
    setEditing(undefined);
    setFocus(editing.index === 'new' ? 'add' : { id: String(editing.rule.id), action: 'edit' });
  };

  const readFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setImportProblems([]);
    void saver.run(t('optionsRulesImportFailed', file.name), async () => {
      const result = importRules(await file.text());
      if (!result.ok) {
        setImportProblems(result.problems);
        throw new ExplainedError(t('optionsRulesImportInvalid', result.problems.length));
      }
      await onSaveRules(result.rules);
      setDraft(undefined);
      return t('optionsRulesImported', result.rules.length);
    });
  };

  return (
    <OptionsSection
      id="screen-pop"
      title={t('optionsScreenPopTitle')}
      help={t('optionsScreenPopHelp')}
    >
      <CrmBaseUrlField
        {...(loaded ? { value: crmBaseUrl } : {})}
        locked={managed?.crmBaseUrl !== undefined}
        pending={saver.pending}
        onSave={(url) => void saver.run(t('optionsSaveFailed'), () => onSaveBaseUrl(url))}
      />
      {policyProblems.length > 0 ? (
        <div class="notice notice-error">
          <p class="notice-text">{t('optionsRulesPolicyProblems')}</p>
          <ProblemList problems={policyProblems} />
        </div>
      ) : null}
      {ownProblems.length > 0 ? (
        <div class="notice notice-error" role="alert">
          <p class="notice-text">{t('optionsRulesStoredProblems')}</p>
          <ProblemList problems={ownProblems} />
        </div>
      ) : null}
      {draft && !locked && !editing ? (
        <div class="notice notice-warn">
          <p class="notice-text">{t('optionsRulesUnsaved')}</p>
          <span class="button-row">
            <PendingButton
              class="btn-small"
              label={t('optionsRulesSaveDraft')}
              pending={saver.pending}
              onClick={() => void commit(draft, t('optionsSaved'), undefined, false)}
            />
            <PendingButton
              class="btn-small"
              label={t('optionsRulesDiscardDraft')}
              onClick={() => {
                setDraft(undefined);
                saver.clear();
              }}
            />
          </span>
        </div>
      ) : null}
      {editing ? (
        <RuleEditor
          key={`${editing.index}`}
          rule={editing.rule}
          isNew={editing.index === 'new'}
          otherIds={ids.filter((_, j) => j !== editing.index)}
          crmBaseUrl={crmBaseUrl}
          region={region}
          onSave={saveEdited}
          onCancel={cancelEdit}
        />
      ) : (
        <>
          <h3 class="rules-title">{t('optionsRulesTitle')}</h3>
          <p class="muted help-text">{t('optionsRulesOrderHelp')}</p>
          {locked ? <LockedNote id="rules-locked" /> : null}
          {!loaded ? (
            <p class="muted">{t('loading')}</p>
          ) : rules.length === 0 ? (
            <p class="muted">{t('optionsRulesNone')}</p>
          ) : (
            <RuleList
              rules={rules}
              locked={locked}
              {...(locked ? { describedBy: 'rules-locked' } : { handlers })}
              {...(focus && focus !== 'add' ? { focus } : {})}
              onFocused={() => setFocus(undefined)}
            />
          )}
          <div class="button-row">
            {locked ? null : (
              <button
                ref={addRef}
                type="button"
                class="btn btn-primary"
                disabled={!loaded}
                onClick={() => {
                  saver.clear();
                  setEditing({
                    index: 'new',
                    rule: newRule(t('optionsRuleNewName'), Date.now(), ids),
                  });
                }}
              >
                <span aria-hidden="true">+ </span>
                {t('optionsRuleAdd')}
              </button>
            )}
            <PendingButton
              label={t('optionsRulesExport')}
              icon="⤓"
              disabled={!loaded}
              onClick={() => download('screen-pop-rules.json', exportRules([...inForce]))}
            />
            {locked ? null : (
              <label class="btn btn-plain file-button">
                <span aria-hidden="true">⤒ </span>
                {t('optionsRulesImport')}
                <input
                  type="file"
                  class="visually-hidden"
                  accept="application/json,.json"
                  disabled={!loaded || saver.pending}
                  onChange={(e) => readFile(e.currentTarget)}
                />
              </label>
            )}
          </div>
        </>
      )}
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
      {importProblems.length > 0 ? <ProblemList problems={importProblems} /> : null}
    </OptionsSection>
  );
}
