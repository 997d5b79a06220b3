import { t } from '@/lib/i18n/messages';
import { problemText } from '@/lib/ui/rule-view';
import type { RuleProblem } from '@/lib/screen-pop/types';

const MAX_PROBLEMS_SHOWN = 20;

interface Props {
  problems: readonly RuleProblem[];
  /** Prefix each problem with its rule's id and its field (lists of several rules). */
  showRule?: boolean;
}

/**
 * Rule problems as text. In lists of several rules each problem names its rule and field (as
 * a path, unless its text starts with it); for the rule being edited, each message also
 * stands at its field, so the text alone is shown.
 */
export function ProblemList({ problems, showRule = true }: Props) {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <ul class="problem-list">
      {shown.map((p, i) => {
        const text = problemText(p);
        return (
          <li key={i}>
            {showRule && p.ruleId ? <span class="mono">{p.ruleId} · </span> : null}
            {showRule && p.path && !text.startsWith(p.path) ? (
              <span class="mono">{p.path}: </span>
            ) : null}
            {text}
          </li>
        );
      })}
      {problems.length > shown.length ? (
        <li>{t('optionsRulesMoreProblems', problems.length - shown.length)}</li>
      ) : null}
    </ul>
  );
}
