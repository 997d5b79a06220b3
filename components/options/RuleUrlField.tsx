import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { templateVarKey } from '@/lib/i18n/keys';
import { TEMPLATE_VARIABLES } from '@/lib/screen-pop/template';
import { FieldProblem, fieldAttrs, type FieldErrors } from './FieldProblem';
import { Field } from '../Field';

interface Props {
  value: string;
  crmBaseUrl: string;
  errors: FieldErrors;
  onChange: (url: string) => void;
}

const USER_DATA_PLACEHOLDER = 'KEY';

/**
 * The URL template, with the variables it may use: each can be inserted where the cursor
 * was (or appended), `{userData.KEY}` with KEY selected, ready to be typed over.
 */
export function RuleUrlField({ value, crmBaseUrl, errors, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null);
  /** The selection when the field last lost focus; none yet: append. */
  const caret = useRef<[number, number] | undefined>(undefined);

  const insert = (variable: string) => {
    const snippet = `{${variable}}`;
    const [start, end] = caret.current ?? [value.length, value.length];
    onChange(value.slice(0, start) + snippet + value.slice(end));
    const keyAt = variable.endsWith(USER_DATA_PLACEHOLDER)
      ? start + snippet.length - 1 - USER_DATA_PLACEHOLDER.length
      : start + snippet.length;
    const selectEnd = variable.endsWith(USER_DATA_PLACEHOLDER)
      ? keyAt + USER_DATA_PLACEHOLDER.length
      : keyAt;
    caret.current = [keyAt, selectEnd];
    // After Preact has written the new value.
    setTimeout(() => {
      input.current?.focus();
      input.current?.setSelectionRange(keyAt, selectEnd);
    }, 0);
  };

  return (
    <div class="rule-url-field">
      <Field label={t('optionsRuleUrlTemplate')} attrs={fieldAttrs('url', errors, 'rule-url-help')}>
        {(attrs) => (
          <input
            ref={input}
            type="text"
            class="mono"
            {...attrs}
            value={value}
            spellcheck={false}
            autoComplete="off"
            placeholder="/crm/contacts?phone={ani.e164|ani}"
            onInput={(e) => onChange(e.currentTarget.value)}
            onBlur={(e) => {
              const el = e.currentTarget;
              caret.current = [
                el.selectionStart ?? el.value.length,
                el.selectionEnd ?? el.value.length,
              ];
            }}
          />
        )}
      </Field>
      <FieldProblem field="url" errors={errors} />
      <p class="muted help-text" id="rule-url-help">
        {t('optionsRuleUrlHelp', crmBaseUrl)}
      </p>
      <details class="template-help" open>
        <summary>{t('optionsRuleVariables')}</summary>
        <p class="muted help-text">{t('optionsRuleVariablesHelp')}</p>
        <ul class="template-vars">
          {TEMPLATE_VARIABLES.map((v) => (
            <li key={v.name}>
              <button
                type="button"
                class="var-insert"
                aria-label={t('optionsRuleInsertVariable', `{${v.name}}`)}
                onClick={() => insert(v.name)}
              >
                <code>{`{${v.name}}`}</code>
              </button>
              <span class="muted">{t(templateVarKey(v.name), v.description)}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
