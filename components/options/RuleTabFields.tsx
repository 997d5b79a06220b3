import { t } from '@/lib/i18n/messages';
import type { RuleForm, TabReuse } from '@/lib/screen-pop/rule-form';
import { FieldProblem, fieldAttrs, type FieldErrors } from './FieldProblem';
import { Field } from '../Field';

interface Props {
  form: RuleForm;
  errors: FieldErrors;
  onChange: (patch: Partial<RuleForm>) => void;
}

const REUSE: readonly TabReuse[] = ['origin', 'pattern', 'never'];

/**
 * Where the page opens: which existing tab is reused (a tab on the page's site, tabs matching
 * a pattern, or none), else the tab of the previous pop, else a new tab or window. In a rules
 * file the first choice is a rule without `matchUrl` and the last one `matchUrl: ""`.
 */
export function RuleTabFields({ form, errors, onChange }: Props) {
  const labels: Record<TabReuse, string> = {
    origin: t('optionsRuleTabOrigin'),
    pattern: t('optionsRuleTabPattern'),
    never: t('optionsRuleTabNever'),
  };
  return (
    <fieldset class="rule-group">
      <legend>{t('optionsRuleTab')}</legend>
      <fieldset class="condition">
        <legend>{t('optionsRuleTabReuse')}</legend>
        {REUSE.map((reuse, i) => (
          <label key={reuse} class="checkbox">
            <input
              type="radio"
              name="rule-tab-reuse"
              value={reuse}
              {...fieldAttrs('tab.reuse', errors, 'rule-tab-reuse-help', i === 0)}
              checked={form.tabReuse === reuse}
              onChange={() => onChange({ tabReuse: reuse })}
            />
            <span>{labels[reuse]}</span>
          </label>
        ))}
        <p class="muted help-text" id="rule-tab-reuse-help">
          {t('optionsRuleTabReuseHelp')}
        </p>
        <FieldProblem field="tab.reuse" errors={errors} />
      </fieldset>
      {form.tabReuse === 'pattern' ? (
        <>
          <Field
            label={t('optionsRuleTabMatchUrl')}
            attrs={fieldAttrs('tab.matchUrl', errors, 'rule-tab-pattern-help')}
          >
            {(attrs) => (
              <input
                type="text"
                class="mono"
                {...attrs}
                value={form.matchUrl}
                spellcheck={false}
                autoComplete="off"
                placeholder="/crm/*"
                onInput={(e) => onChange({ matchUrl: e.currentTarget.value })}
              />
            )}
          </Field>
          <FieldProblem field="tab.matchUrl" errors={errors} />
          <p class="muted help-text" id="rule-tab-pattern-help">
            {t('optionsRuleTabMatchUrlHelp')}
          </p>
        </>
      ) : null}
      <label class="checkbox">
        <input
          type="checkbox"
          {...fieldAttrs('tab.reusePopTab', errors)}
          checked={form.reusePopTab}
          onChange={(e) => onChange({ reusePopTab: e.currentTarget.checked })}
        />
        <span>{t('optionsRuleTabReusePopTab')}</span>
      </label>
      <FieldProblem field="tab.reusePopTab" errors={errors} />
      <label class="checkbox">
        <input
          type="checkbox"
          {...fieldAttrs('tab.newWindow', errors)}
          checked={form.newWindow}
          onChange={(e) => onChange({ newWindow: e.currentTarget.checked })}
        />
        <span>{t('optionsRuleTabNewWindow')}</span>
      </label>
      <FieldProblem field="tab.newWindow" errors={errors} />
    </fieldset>
  );
}
