import { t } from '@/lib/ui/i18n';
import type { RuleProblem } from '@/lib/screen-pop/types';

const MAX_PROBLEMS_SHOWN = 20;

interface Props {
  problems: readonly RuleProblem[];
  /** Prefix each problem with the id of its rule (lists of several rules). */
  showRule?: boolean;
}

/** Rule problems as text: the rule, the field (as a path, unless the message names it) and the message. */
export function ProblemList({ problems, showRule = true }: Props) {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <ul class="problem-list">
      {shown.map((p, i) => (
        <li key={i}>
          {showRule && p.ruleId ? <span class="mono">{p.ruleId} · </span> : null}
          {p.path && !p.message.startsWith(p.path) ? <span class="mono">{p.path}: </span> : null}
          {p.message}
        </li>
      ))}
      {problems.length > shown.length ? (
        <li>{t('optionsRulesMoreProblems', problems.length - shown.length)}</li>
      ) : null}
    </ul>
  );
}
