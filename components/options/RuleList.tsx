import { t } from '@/lib/i18n/messages';
import type { ScreenPopRule } from '@/lib/screen-pop/types';
import { RuleRow, type RowAction, type RowHandlers } from './RuleRow';

/** Where focus goes after the list changes: a row's control. */
export interface RowFocus {
  id: string;
  action: RowAction;
}

interface Props {
  rules: readonly ScreenPopRule[];
  locked: boolean;
  /** The id of the note saying policy sets the rules. */
  describedBy?: string;
  focus?: RowFocus;
  onFocused?: () => void;
  /** The actions of the row at `index`; absent when locked. */
  handlers?: (index: number) => RowHandlers;
}

/**
 * The rules in the order they are tried; the first enabled rule that matches a call opens
 * its page. Rows are keyed by id so focus can follow a moved rule.
 */
export function RuleList({ rules, locked, describedBy, focus, onFocused, handlers }: Props) {
  const seen = new Map<string, number>();
  let focused = false;
  return (
    <ol class="rule-list" aria-label={t('optionsRulesList')} aria-describedby={describedBy}>
      {rules.map((rule, i) => {
        const id = String(rule.id);
        const n = seen.get(id) ?? 0;
        seen.set(id, n + 1);
        // Only the first rule with the id takes the focus (stored lists may repeat ids).
        const takesFocus = !focused && focus?.id === id;
        if (takesFocus) focused = true;
        return (
          <RuleRow
            key={`${id}#${n}`}
            rule={rule}
            position={i}
            count={rules.length}
            locked={locked}
            {...(takesFocus && focus ? { focus: focus.action } : {})}
            {...(onFocused ? { onFocused } : {})}
            {...(handlers && !locked ? handlers(i) : {})}
          />
        );
      })}
    </ol>
  );
}
