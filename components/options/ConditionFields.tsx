import { t } from '@/lib/i18n/messages';
import { TEXT_OPS, type ConditionForm } from '@/lib/screen-pop/rule-form';
import { ChoiceSelect, type Choice } from './ChoiceSelect';
import { FieldProblem, fieldAttrs, type FieldErrors } from './FieldProblem';
import { Field } from '../Field';

interface Props {
  /** `dnis` or `ani`: the prefix of the field keys. */
  field: 'dnis' | 'ani';
  legend: string;
  value: ConditionForm;
  /** Offer "country is one of" (the ANI). */
  allowCountry?: boolean;
  errors: FieldErrors;
  onChange: (value: ConditionForm) => void;
}

/** The text operators in words, shared by the DNIS, ANI and attached-data conditions. */
export function textOpChoices(): Choice[] {
  const labels = {
    equals: t('optionsRuleOpEquals'),
    prefix: t('optionsRuleOpPrefix'),
    regex: t('optionsRuleOpRegex'),
  };
  return TEXT_OPS.map((op) => ({ value: op, label: labels[op] }));
}

/**
 * One number condition: none, equals, starts with, regular expression (with "ignore case"),
 * or, for the caller's number, a list of countries.
 */
export function ConditionFields({ field, legend, value, allowCountry, errors, onChange }: Props) {
  const choices: Choice[] = [
    { value: 'none', label: t('optionsRuleOpNone') },
    ...textOpChoices(),
    ...(allowCountry ? [{ value: 'country', label: t('optionsRuleOpCountry') }] : []),
  ];
  const set = (patch: Partial<ConditionForm>) => onChange({ ...value, ...patch });
  const countriesHelp = `${field}-countries-help`;
  return (
    <fieldset class="condition">
      <legend>{legend}</legend>
      <div class="condition-row">
        <ChoiceSelect
          label={t('optionsRuleCondition')}
          value={value.op}
          choices={choices}
          attrs={fieldAttrs(`${field}.op`, errors)}
          onChange={(op) => set({ op })}
        />
        {value.op === 'country' ? (
          <Field
            label={t('optionsRuleCountries')}
            attrs={fieldAttrs(`${field}.countries`, errors, countriesHelp)}
          >
            {(attrs) => (
              <input
                type="text"
                {...attrs}
                value={value.countries}
                spellcheck={false}
                autoComplete="off"
                onInput={(e) => set({ countries: e.currentTarget.value })}
              />
            )}
          </Field>
        ) : value.op !== 'none' ? (
          <Field
            label={value.op === 'regex' ? t('optionsRuleRegexValue') : t('optionsRuleValue')}
            attrs={fieldAttrs(`${field}.value`, errors)}
          >
            {(attrs) => (
              <input
                type="text"
                class="mono"
                {...attrs}
                value={value.value}
                spellcheck={false}
                autoComplete="off"
                onInput={(e) => set({ value: e.currentTarget.value })}
              />
            )}
          </Field>
        ) : null}
      </div>
      {value.op === 'country' ? (
        <p class="muted help-text" id={countriesHelp}>
          {t('optionsRuleCountriesHelp')}
        </p>
      ) : value.op !== 'none' ? (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={value.ignoreCase}
            onChange={(e) => set({ ignoreCase: e.currentTarget.checked })}
          />
          <span>{t('optionsRuleIgnoreCase')}</span>
        </label>
      ) : null}
      <FieldProblem field={`${field}.op`} errors={errors} />
      <FieldProblem field={`${field}.value`} errors={errors} />
      <FieldProblem field={`${field}.countries`} errors={errors} />
    </fieldset>
  );
}
