import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { checkBaseUrl } from '@/lib/screen-pop/url-safety';
import { problemText } from '@/lib/ui/rule-view';
import { PendingButton } from '../PendingButton';
import { Field } from '../Field';
import { useStoredText } from './useStoredText';

interface Props {
  /** The base URL in force; undefined while loading. */
  value?: string;
  /** Set by policy: shown read-only. */
  locked: boolean;
  pending: boolean;
  /** Saves a checked, normalised base URL. */
  onSave: (url: string) => void;
}

/**
 * The CRM base URL: rule pages and tab patterns starting with `/` open on it. Checked with
 * `checkBaseUrl` (http(s), no credentials, query or fragment) before anything is saved.
 */
export function CrmBaseUrlField({ value, locked, pending, onSave }: Props) {
  const [input, setInput] = useStoredText(value);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const submit = (event: Event) => {
    event.preventDefault();
    if (locked || pending || value === undefined) return;
    const checked = checkBaseUrl(input.trim());
    if (!checked.ok) {
      return setProblem(
        t(
          'optionsCrmBaseUrlInvalid',
          problemText({ message: checked.reason, words: checked.words }),
        ),
      );
    }
    setProblem(undefined);
    setInput(checked.url);
    onSave(checked.url);
  };

  return (
    <form class="base-url-form" onSubmit={submit} noValidate>
      <div class="field-block">
        <Field
          label={t('optionsCrmBaseUrl')}
          lockedId={locked ? 'crm-base-url-locked' : undefined}
          problem={
            problem ? { id: 'crm-base-url-problem', text: problem, announce: true } : undefined
          }
          help={{ id: 'crm-base-url-help', text: t('optionsCrmBaseUrlHelp') }}
        >
          {(attrs) => (
            <input
              type="url"
              name="crmBaseUrl"
              value={input}
              spellcheck={false}
              autoComplete="off"
              readOnly={locked}
              disabled={value === undefined}
              {...attrs}
              onInput={(e) => setInput(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      {locked ? null : (
        <PendingButton
          type="submit"
          label={t('optionsCrmBaseUrlSave')}
          pending={pending}
          disabled={value === undefined}
        />
      )}
    </form>
  );
}
