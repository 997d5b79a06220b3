import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';

/**
 * Characters of an attached-data value rendered at first, and added per "show more". A
 * value is caller-side data of any size: laying out 100,000 characters froze the popup for
 * about 10 s, so the page never holds more text than the agent asked to see, and each step
 * adds a bounded amount. The full value stays available for editing (the edit field).
 */
export const DATA_PREVIEW_CHARS = 300;
export const DATA_MORE_CHARS = 10_000;

/** One attached-data value as text, cut to a preview with a "show more" step. */
export function DataValueText({ text }: { text: string }) {
  const [shown, setShown] = useState(DATA_PREVIEW_CHARS);
  // Never cut a surrogate pair in two.
  const end = cutEnd(text, shown);
  if (end >= text.length) return <span class="data-text">{text}</span>;
  return (
    <span class="data-text data-text-cut">
      <span>{text.slice(0, end)}…</span>
      <button
        type="button"
        class="btn btn-plain btn-small data-more"
        onClick={() => setShown(end + DATA_MORE_CHARS)}
      >
        {t('dataShowMore', [end.toLocaleString(), text.length.toLocaleString()])}
      </button>
    </span>
  );
}

function cutEnd(text: string, wanted: number): number {
  if (wanted >= text.length) return text.length;
  const code = text.charCodeAt(wanted - 1);
  return code >= 0xd800 && code <= 0xdbff ? wanted - 1 : wanted;
}
