import type { HistoryEntry } from '@/lib/history/history-entry';
import { t } from '@/lib/i18n/messages';
import { formatDuration } from '@/lib/ui/format';
import { callTypeLabel } from '@/lib/ui/call-view';
import { describeNumber } from '@/lib/ui/phone-view';

interface Props {
  entries: readonly HistoryEntry[];
  /** Missed calls that ended after this are new to the agent. */
  seenAt: number;
  /** Dialling is possible now (signed in, a device to dial from). */
  canDial: boolean;
  onRedial: (number: string) => void;
  onPopAgain: (callId: string) => void;
  onCopy: (number: string) => void;
}

/** Entries shown; the stored history keeps more. */
const SHOWN = 20;

const DIRECTION_ICON = { incoming: '↙', outgoing: '↗' } as const;

/** The agent's finished calls, newest first: who, when, how long, and what to do again. */
export function CallHistoryList({ entries, seenAt, canDial, onRedial, onPopAgain, onCopy }: Props) {
  return (
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title" class="section-title">
        {t('historyTitle')}
      </h2>
      {entries.length === 0 ? (
        <p class="muted">{t('historyEmpty')}</p>
      ) : (
        <ul class="history-list" aria-labelledby="history-title">
          {entries.slice(0, SHOWN).map((entry) => (
            <HistoryItem
              key={entry.callId}
              entry={entry}
              fresh={entry.missed && entry.endedAt > seenAt}
              canDial={canDial}
              onRedial={onRedial}
              onPopAgain={onPopAgain}
              onCopy={onCopy}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function HistoryItem(props: {
  entry: HistoryEntry;
  fresh: boolean;
  canDial: boolean;
  onRedial: (number: string) => void;
  onPopAgain: (callId: string) => void;
  onCopy: (number: string) => void;
}) {
  const { entry } = props;
  const id = `history-${entry.callId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const number = entry.number ? describeNumber(entry.number).display : t('partyUnknown');
  const when = new Date(entry.endedAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <li class={`history-item${entry.missed ? ' missed' : ''}${props.fresh ? ' fresh' : ''}`}>
      <p class="history-who" id={id}>
        <span aria-hidden="true">{DIRECTION_ICON[entry.direction]} </span>
        <span class="history-name">{entry.name ?? number}</span>
        {entry.name ? <span class="history-number"> {number}</span> : null}
        {entry.missed ? <span class="badge missed-mark"> {t('historyMissed')}</span> : null}
      </p>
      <p class="history-meta muted">
        <span>{callTypeLabel(entry.callType)}</span> · <time>{when}</time> ·{' '}
        <span>{t('historyTotal', formatDuration(entry.totalMs))}</span>
        {entry.talkMs > 0 ? <span> · {t('historyTalk', formatDuration(entry.talkMs))}</span> : null}
        {entry.disposition ? <span> · {t('historyDisposition', entry.disposition)}</span> : null}
      </p>
      <div class="button-row secondary">
        <button
          type="button"
          class="btn btn-small"
          disabled={!props.canDial || !entry.number}
          aria-describedby={id}
          onClick={() => props.onRedial(entry.number)}
        >
          {t('historyRedial')}
        </button>
        <button
          type="button"
          class="btn btn-small"
          aria-describedby={id}
          onClick={() => props.onPopAgain(entry.callId)}
        >
          {t('historyPopAgain')}
        </button>
        <button
          type="button"
          class="btn btn-small"
          disabled={!entry.number}
          aria-describedby={id}
          onClick={() => props.onCopy(entry.number)}
        >
          {t('historyCopy')}
        </button>
      </div>
    </li>
  );
}
