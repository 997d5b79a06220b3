import { t } from '@/lib/i18n/messages';
import { failedConditionLabel, problemText, triggersLabel } from '@/lib/ui/rule-view';
import type { RuleTestResult as Result } from '@/lib/screen-pop/test-rule';
import type { ScreenPopRule } from '@/lib/screen-pop/types';
import { ProblemList } from './ProblemList';

interface Props {
  result: Result;
  /** The rule as it was tested (names attached-data conditions). */
  rule: ScreenPopRule;
  /** Sample lines that were not `key=value`. */
  badLines: readonly number[];
}

/**
 * What a rule would do with the sample call: whether it matches (or which conditions fail),
 * when it pops, the page as plain text (never a link) or why it would not open, and the
 * variables the call has no value for. A rule with problems shows those instead.
 */
export function RuleTestResult({ result, rule, badLines }: Props) {
  if (result.problems.length > 0) {
    return (
      <div class="notice notice-error">
        <p class="notice-text">{t('optionsTestHasProblems')}</p>
        <ProblemList problems={result.problems} showRule={false} />
      </div>
    );
  }
  return (
    <div class="test-outcome">
      {result.matches ? (
        <p class="test-verdict test-match">
          <span aria-hidden="true">✓ </span>
          {t('optionsTestMatches')}
        </p>
      ) : (
        <>
          <p class="test-verdict test-no-match">
            <span aria-hidden="true">✗ </span>
            {t('optionsTestNoMatch')}
          </p>
          <ul class="test-failed">
            {result.failed.map((name) => (
              <li key={name}>{failedConditionLabel(name, rule)}</li>
            ))}
          </ul>
        </>
      )}
      <dl class="test-facts">
        <div>
          <dt>{t('optionsTestWhen')}</dt>
          <dd>{triggersLabel(result.triggers)}</dd>
        </div>
        {result.url !== undefined ? (
          <div>
            <dt>{result.matches ? t('optionsTestUrl') : t('optionsTestUrlIfMatched')}</dt>
            <dd class="mono test-url">{result.url}</dd>
          </div>
        ) : (
          <div>
            <dt>{t('optionsTestBlocked')}</dt>
            <dd class="test-blocked">
              {problemText({ message: result.blocked ?? '', words: result.blockedWords })}
            </dd>
          </div>
        )}
        {result.missing.length > 0 ? (
          <div>
            <dt>{t('optionsTestMissing')}</dt>
            <dd class="mono">{result.missing.join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {badLines.length > 0 ? (
        <p class="field-error">{t('optionsTestBadLines', badLines.join(', '))}</p>
      ) : null}
    </div>
  );
}
