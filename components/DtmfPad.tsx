import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { Keypad, KEYPAD_KEYS, type KeypadKey } from './Keypad';

interface Props {
  id: string;
  /** A SendDtmf request for this call is in flight. */
  pending: boolean;
  /** Sends tones (one or many digits per request, gws-api.md §4.7). */
  onSend: (digits: string) => void;
}

/**
 * Keypad tones for a live call, by click or by typing 0-9, * and # while the pad has focus.
 * Tones pressed while a request is in flight are queued and sent together when it settles,
 * so fast keying loses nothing and requests never overlap.
 */
export function DtmfPad({ id, pending, onSend }: Props) {
  const [queued, setQueued] = useState('');
  const [keyed, setKeyed] = useState('');
  const pad = useRef<HTMLDivElement>(null);
  useEffect(() => pad.current?.focus(), []);
  useEffect(() => {
    if (pending || queued === '') return;
    onSend(queued);
    // Keys pressed after this render are already appended: drop only what was sent.
    setQueued((q) => q.slice(queued.length));
  }, [pending, queued]);

  const press = (key: KeypadKey) => {
    setKeyed((k) => (k + key).slice(-24));
    setQueued((q) => q + key);
  };

  return (
    <div
      class="dtmf"
      id={id}
      ref={pad}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (
          (KEYPAD_KEYS as readonly string[]).includes(e.key) &&
          !e.altKey &&
          !e.ctrlKey &&
          !e.metaKey
        ) {
          e.preventDefault();
          press(e.key as KeypadKey);
        }
      }}
    >
      <p class="dtmf-keyed" aria-live="polite">
        <span class="muted">{t('dtmfKeyed')}</span> <span class="mono">{keyed || '—'}</span>
        {pending ? <span class="spinner" aria-hidden="true" /> : null}
      </p>
      <Keypad label={t('dtmfTitle')} onKey={press} />
    </div>
  );
}
