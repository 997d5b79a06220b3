import { t } from '@/lib/i18n/messages';
import { Field, type ControlAttrs } from '../Field';

export interface Choice {
  value: string;
  label: string;
}

interface Props {
  label: string;
  value: string;
  choices: readonly Choice[];
  attrs: ControlAttrs;
  onChange: (value: string) => void;
}

/**
 * A labelled select. A value it does not offer (from a broken stored rule) is shown as such
 * rather than silently replaced, so saving reports it next to this field.
 */
export function ChoiceSelect({ label, value, choices, attrs, onChange }: Props) {
  const known = choices.some((c) => c.value === value);
  return (
    <Field label={label} attrs={attrs}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {known ? null : (
            <option value={value}>
              {value === '' ? t('optionsRuleChoose') : t('optionsRuleUnknownChoice', value)}
            </option>
          )}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
