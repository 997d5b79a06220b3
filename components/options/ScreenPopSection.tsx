import { useState } from 'preact/hooks';
import { t, tOr } from '@/lib/ui/i18n';
import { exportRules, importRules } from '@/lib/screen-pop/import-export';
import type { RuleProblem, ScreenPopRule } from '@/lib/screen-pop/types';
import { PendingButton } from '../PendingButton';
import { OptionsSection } from './OptionsSection';
import { ExplainedError, SaveStatus, useSaver } from './SaveStatus';

interface Props {
  /** The stored rules, in order; undefined while loading. */
  rules?: readonly ScreenPopRule[];
  /** What is wrong with the stored settings (such rules are never used). */
  problems?: readonly RuleProblem[];
  onImport: (rules: ScreenPopRule[]) => Promise<void>;
  /** Saves a file the agent downloads. */
  download: (fileName: string, text: string) => void;
}

const MAX_PROBLEMS_SHOWN = 20;

function ProblemList({ problems }: { problems: readonly RuleProblem[] }) {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <ul class="problem-list">
      {shown.map((p, i) => (
        <li key={i}>
          {p.ruleId ? <span class="mono">{p.ruleId} · </span> : null}
          {p.path ? <span class="mono">{p.path}: </span> : null}
          {p.message}
        </li>
      ))}
      {problems.length > shown.length ? (
        <li>{t('optionsRulesMoreProblems', problems.length - shown.length)}</li>
      ) : null}
    </ul>
  );
}

/**
 * The screen-pop rules in order (the first that matches a call opens its page), with what
 * is wrong with any of them, and JSON export/import. An import is all or nothing: a file
 * with any problem changes nothing and lists every problem.
 */
export function ScreenPopSection({ rules: stored, problems, onImport, download }: Props) {
  const saver = useSaver();
  const [importProblems, setImportProblems] = useState<RuleProblem[]>([]);
  const loaded = stored !== undefined;
  const rules = stored ?? [];
  const storedProblems = problems ?? [];

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
      await onImport(result.rules);
      return t('optionsRulesImported', result.rules.length);
    });
  };

  return (
    <OptionsSection
      id="screen-pop"
      title={t('optionsScreenPopTitle')}
      help={t('optionsScreenPopHelp')}
    >
      {storedProblems.length > 0 ? (
        <div class="notice notice-error" role="alert">
          <p class="notice-text">{t('optionsRulesStoredProblems')}</p>
          <ProblemList problems={storedProblems} />
        </div>
      ) : null}
      {rules.length === 0 ? (
        <p class="muted">{t('optionsRulesNone')}</p>
      ) : (
        <table class="rules">
          <caption class="visually-hidden">{t('optionsScreenPopTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('optionsRuleName')}</th>
              <th scope="col">{t('optionsRuleState')}</th>
              <th scope="col">{t('optionsRuleTrigger')}</th>
              <th scope="col">{t('optionsRuleUrl')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, i) => (
              <tr key={`${i}:${String(rule.id)}`}>
                <td>{typeof rule.name === 'string' && rule.name ? rule.name : String(rule.id)}</td>
                <td>{rule.enabled === true ? t('optionsRuleOn') : t('optionsRuleOff')}</td>
                <td>{tOr(`optionsRuleTrigger_${String(rule.trigger)}`, String(rule.trigger))}</td>
                <td class="mono rule-url">{String(rule.url)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="button-row">
        <PendingButton
          label={t('optionsRulesExport')}
          icon="⤓"
          disabled={!loaded}
          onClick={() => download('screen-pop-rules.json', exportRules([...rules]))}
        />
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
      </div>
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
      {importProblems.length > 0 ? <ProblemList problems={importProblems} /> : null}
    </OptionsSection>
  );
}
