import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { ruleLabel, triggerLabel } from '@/lib/ui/rule-view';
import { isValidRule } from '@/lib/screen-pop/validate';
import type { ScreenPopRule } from '@/lib/screen-pop/types';

/** The row controls that keep focus across a re-render (e.g. after a move). */
export type RowAction = 'edit' | 'up' | 'down' | 'duplicate' | 'delete' | 'toggle';

export interface RowHandlers {
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onToggle: (enabled: boolean) => void;
}

interface Props extends Partial<RowHandlers> {
  rule: ScreenPopRule;
  position: number;
  count: number;
  /** Set by policy: shown, not changed. */
  locked: boolean;
  /** Move focus to this control once rendered (then `onFocused`). */
  focus?: RowAction;
  onFocused?: () => void;
}

/**
 * One rule of the ordered list: name, on/off, when it pops and its URL template (as text),
 * and its actions. Delete asks for confirmation in the row itself.
 */
export function RuleRow(props: Props) {
  const { rule, position, count, locked, focus } = props;
  const [confirming, setConfirming] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  const label = ruleLabel(rule);
  const enabled = rule.enabled === true;

  const focusControl = (action: string) => {
    const el = row.current?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    const usable =
      el && !el.disabled ? el : row.current?.querySelector<HTMLElement>('[data-action="edit"]');
    usable?.focus();
  };
  useEffect(() => {
    if (!focus) return;
    focusControl(focus);
    props.onFocused?.();
  }, [focus]);
  useEffect(() => {
    if (confirming) focusControl('keep');
  }, [confirming]);

  const button = (
    action: RowAction,
    text: string,
    named: string,
    onClick?: () => void,
    disabled = false,
  ) => (
    <button
      type="button"
      class={`btn btn-small ${action === 'delete' ? 'btn-danger' : 'btn-plain'}`}
      data-action={action}
      aria-label={named}
      disabled={disabled}
      onClick={onClick}
    >
      {text}
    </button>
  );

  return (
    <li ref={row} class={`rule-row ${enabled ? '' : 'rule-off'}`}>
      <div class="rule-head">
        <span class="rule-position" aria-hidden="true">
          {position + 1}.
        </span>
        <span class="rule-name">{label}</span>
        <span class={`badge ${enabled ? 'badge-on' : ''}`}>
          {enabled ? t('optionsRuleOn') : t('optionsRuleOff')}
        </span>
        {isValidRule(rule) ? null : <span class="badge badge-bad">{t('optionsRuleBroken')}</span>}
      </div>
      <p class="rule-meta">{triggerLabel(rule.trigger)}</p>
      <p class="rule-url mono">{String(rule.url)}</p>
      {locked ? null : confirming ? (
        <div class="rule-confirm" role="group" aria-label={t('optionsRuleDeleteConfirm', label)}>
          <p class="notice-text">{t('optionsRuleDeleteConfirm', label)}</p>
          <div class="button-row">
            <button
              type="button"
              class="btn btn-danger btn-small"
              aria-label={t('optionsRuleDeleteYesNamed', label)}
              onClick={() => props.onDelete?.()}
            >
              {t('optionsRuleDeleteYes')}
            </button>
            <button
              type="button"
              class="btn btn-plain btn-small"
              data-action="keep"
              onClick={() => {
                setConfirming(false);
                setTimeout(() => focusControl('delete'), 0);
              }}
            >
              {t('optionsRuleDeleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <div class="rule-actions">
          <label class="checkbox rule-toggle">
            <input
              type="checkbox"
              role="switch"
              data-action="toggle"
              checked={enabled}
              aria-label={t('optionsRuleEnabledNamed', label)}
              onChange={(e) => props.onToggle?.(e.currentTarget.checked)}
            />
            <span aria-hidden="true">{t('optionsRuleEnabled')}</span>
          </label>
          <span class="button-row">
            {button('edit', t('optionsRuleEdit'), t('optionsRuleEditNamed', label), props.onEdit)}
            {button(
              'up',
              t('optionsRuleUp'),
              t('optionsRuleUpNamed', label),
              () => props.onMove?.(-1),
              position === 0,
            )}
            {button(
              'down',
              t('optionsRuleDown'),
              t('optionsRuleDownNamed', label),
              () => props.onMove?.(1),
              position === count - 1,
            )}
            {button(
              'duplicate',
              t('optionsRuleDuplicate'),
              t('optionsRuleDuplicateNamed', label),
              props.onDuplicate,
            )}
            {button('delete', t('optionsRuleDelete'), t('optionsRuleDeleteNamed', label), () =>
              setConfirming(true),
            )}
          </span>
        </div>
      )}
    </li>
  );
}
