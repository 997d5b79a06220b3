/**
 * Reads a `page.detect` request as a page sent it: anything a page script could have shaped.
 * A request over the bounds of PAGE_DETECT_LIMITS is refused as a whole with the reason, not
 * cut: a page that gets fewer results than it asked for would lose numbers without knowing.
 */
import {
  PAGE_DETECT_LIMITS,
  type DetectLimits,
  type PageDetectItem,
} from '../messaging/page-messages.ts';

export type DetectRequestVerdict =
  { ok: true; items: PageDetectItem[] } | { ok: false; reason: string };

function refuse(reason: string): DetectRequestVerdict {
  return { ok: false, reason: `Numbers cannot be detected: ${reason}` };
}

/** The records of the request, or the reason they are refused. */
function recordsOf(value: unknown, limits: DetectLimits): string[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return 'the records are not a list';
  if (value.length > limits.items)
    return `${value.length} records in one message, at most ${limits.items}`;
  for (let r = 0; r < value.length; r++) {
    const record: unknown = value[r];
    if (typeof record !== 'string') return `record ${r} is not text`;
    if (record.length > limits.contextChars)
      return `record ${r} has ${record.length} characters, at most ${limits.contextChars}`;
  }
  return value as string[];
}

export function readDetectRequest(
  request: unknown,
  limits: DetectLimits = PAGE_DETECT_LIMITS,
): DetectRequestVerdict {
  const { items: list, records: rawRecords } = (request ?? {}) as {
    items?: unknown;
    records?: unknown;
  };
  if (!Array.isArray(list)) return refuse('the request has no list of items');
  if (list.length > limits.items)
    return refuse(`${list.length} items in one message, at most ${limits.items}`);
  const records = recordsOf(rawRecords, limits);
  if (typeof records === 'string') return refuse(records);
  let chars = records.reduce((sum, r) => sum + r.length, 0);
  const items: PageDetectItem[] = [];
  for (let i = 0; i < list.length; i++) {
    const raw = list[i] as { text?: unknown; lang?: unknown; record?: unknown } | null;
    if (!raw || typeof raw !== 'object' || typeof raw.text !== 'string')
      return refuse(`item ${i} has no text`);
    const { text, lang, record } = raw;
    if (text.length > limits.textChars)
      return refuse(`item ${i}'s text has ${text.length} characters, at most ${limits.textChars}`);
    if (
      record !== undefined &&
      (typeof record !== 'number' || !Number.isInteger(record) || !(record in records))
    )
      return refuse(`item ${i}'s record is not one of the message's records`);
    if (lang !== undefined && (typeof lang !== 'string' || lang.length > limits.langChars))
      return refuse(`item ${i}'s language is not a language tag`);
    chars += text.length;
    if (chars > limits.batchChars)
      return refuse(`the texts and records hold more than ${limits.batchChars} characters`);
    const item: PageDetectItem = { text };
    if (record !== undefined) item.context = records[record as number]!;
    if (lang !== undefined) item.lang = lang;
    items.push(item);
  }
  return { ok: true, items };
}
