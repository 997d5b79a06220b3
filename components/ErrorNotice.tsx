import { t } from '@/lib/i18n/messages';
import type { ErrorText } from '@/lib/errors/describe-error';

interface Props {
  /** What the agent was doing, e.g. "Could not hold the call". */
  action?: string;
  error: ErrorText;
  onDismiss?: () => void;
}

/** A failed request, in words; the server's own message follows as plain text. */
export function ErrorNotice({ action, error, onDismiss }: Props) {
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-text">
        {action ? <strong>{action} </strong> : null}
        {error.summary}
      </p>
      {error.detail ? <p class="notice-detail">{error.detail}</p> : null}
      {onDismiss ? (
        <button type="button" class="btn btn-plain btn-small" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      ) : null}
    </div>
  );
}
