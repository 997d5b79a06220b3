import type { Disposition } from '@/lib/settings/wrap-up-settings';
import { t } from '@/lib/i18n/messages';

interface Props {
  /** Unique in the page: the select's id. */
  id: string;
  dispositions: readonly Disposition[];
  value: string | undefined;
  pending?: boolean;
  required?: boolean;
  onChoose: (code: string) => void;
}

/**
 * The disposition combobox ("Disposition"): one code from the administrator's catalogue. A
 * code the call carries that the catalogue lacks (set elsewhere) is shown as it is.
 */
export function DispositionPicker({ id, dispositions, value, pending, required, onChoose }: Props) {
  const known = value === undefined || dispositions.some((d) => d.code === value);
  return (
    <div class="field disposition">
      <label for={id}>{t('dispositionLabel')}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={pending}
        aria-busy={pending ? 'true' : undefined}
        aria-required={required ? 'true' : undefined}
        onChange={(e) => {
          const code = e.currentTarget.value;
          if (code && code !== value) onChoose(code);
        }}
      >
        <option value="" disabled>
          {t('dispositionNone')}
        </option>
        {known ? null : <option value={value}>{value}</option>}
        {dispositions.map((d) => (
          <option key={d.code} value={d.code}>
            {d.label}
          </option>
        ))}
      </select>
    </div>
  );
}
