import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import {
  fieldDomId,
  type UserDataRequirement,
  type UserDataRowForm,
} from '@/lib/screen-pop/rule-form';
import { ChoiceSelect } from './ChoiceSelect';
import { textOpChoices } from './ConditionFields';
import { FieldProblem, fieldAttrs, type FieldErrors } from './FieldProblem';
import { Field } from '../Field';

interface Props {
  rows: readonly UserDataRowForm[];
  errors: FieldErrors;
  onChange: (rows: UserDataRowForm[]) => void;
}

const EMPTY_ROW: UserDataRowForm = {
  key: '',
  requirement: 'present',
  op: 'equals',
  value: '',
  ignoreCase: false,
};

/**
 * Conditions on attached data, one row each: a key that must be present, absent (or empty),
 * or whose value matches. Adding a row moves focus to its key; removing one, to "Add".
 */
export function UserDataConditionRows({ rows, errors, onChange }: Props) {
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'new-row' | 'add' | undefined>(undefined);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target === 'add') addRef.current?.focus();
    if (target === 'new-row') {
      document.getElementById(fieldDomId(`userData.${rows.length - 1}.key`))?.focus();
    }
  }, [rows.length]);

  const set = (index: number, patch: Partial<UserDataRowForm>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const requirements: Array<{ value: UserDataRequirement; label: string }> = [
    { value: 'present', label: t('optionsRuleUserDataPresent') },
    { value: 'absent', label: t('optionsRuleUserDataAbsent') },
    { value: 'matches', label: t('optionsRuleUserDataMatches') },
  ];

  return (
    <fieldset class="condition">
      <legend>{t('optionsRuleUserData')}</legend>
      {rows.length === 0 ? <p class="muted">{t('optionsRuleUserDataNone')}</p> : null}
      {rows.map((row, i) => {
        const base = `userData.${i}`;
        return (
          <fieldset key={i} class="user-data-row">
            <legend>{t('optionsRuleUserDataRow', i + 1)}</legend>
            <div class="condition-row">
              <Field label={t('optionsRuleUserDataKey')} attrs={fieldAttrs(`${base}.key`, errors)}>
                {(attrs) => (
                  <input
                    type="text"
                    class="mono"
                    {...attrs}
                    value={row.key}
                    spellcheck={false}
                    autoComplete="off"
                    onInput={(e) => set(i, { key: e.currentTarget.value })}
                  />
                )}
              </Field>
              <ChoiceSelect
                label={t('optionsRuleUserDataRequirement')}
                value={row.requirement}
                choices={requirements}
                attrs={fieldAttrs(`${base}.requirement`, errors)}
                onChange={(value) => set(i, { requirement: value as UserDataRequirement })}
              />
              {row.requirement === 'matches' ? (
                <>
                  <ChoiceSelect
                    label={t('optionsRuleCondition')}
                    value={row.op}
                    choices={textOpChoices()}
                    attrs={fieldAttrs(`${base}.op`, errors)}
                    onChange={(op) => set(i, { op })}
                  />
                  <Field
                    label={row.op === 'regex' ? t('optionsRuleRegexValue') : t('optionsRuleValue')}
                    attrs={fieldAttrs(`${base}.value`, errors)}
                  >
                    {(attrs) => (
                      <input
                        type="text"
                        class="mono"
                        {...attrs}
                        value={row.value}
                        spellcheck={false}
                        autoComplete="off"
                        onInput={(e) => set(i, { value: e.currentTarget.value })}
                      />
                    )}
                  </Field>
                </>
              ) : null}
            </div>
            <div class="button-row">
              {row.requirement === 'matches' ? (
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={row.ignoreCase}
                    onChange={(e) => set(i, { ignoreCase: e.currentTarget.checked })}
                  />
                  <span>{t('optionsRuleIgnoreCase')}</span>
                </label>
              ) : null}
              <button
                type="button"
                class="btn btn-plain btn-small"
                aria-label={t('optionsRuleUserDataRemoveNamed', i + 1)}
                onClick={() => {
                  focusNext.current = 'add';
                  onChange(rows.filter((_, j) => j !== i));
                }}
              >
                {t('optionsRuleUserDataRemove')}
              </button>
            </div>
            <FieldProblem field={`${base}.key`} errors={errors} />
            <FieldProblem field={`${base}.requirement`} errors={errors} />
            <FieldProblem field={`${base}.op`} errors={errors} />
            <FieldProblem field={`${base}.value`} errors={errors} />
          </fieldset>
        );
      })}
      <div class="button-row">
        <button
          ref={addRef}
          type="button"
          class="btn btn-plain btn-small"
          onClick={() => {
            focusNext.current = 'new-row';
            onChange([...rows, { ...EMPTY_ROW }]);
          }}
        >
          <span aria-hidden="true">+ </span>
          {t('optionsRuleUserDataAdd')}
        </button>
      </div>
      <FieldProblem field="userData" errors={errors} />
    </fieldset>
  );
}
