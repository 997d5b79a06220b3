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

export function readDetectRequest(
  request: unknown,
  limits: DetectLimits = PAGE_DETECT_LIMITS,
): DetectRequestVerdict {
  const list = (request as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(list)) return refuse('the request has no list of items');
  if (list.length > limits.items)
    return refuse(`${list.length} items in one message, at most ${limits.items}`);
  const items: PageDetectItem[] = [];
  let chars = 0;
  for (let i = 0; i < list.length; i++) {
    const raw = list[i] as Partial<Record<keyof PageDetectItem, unknown>> | null;
    if (!raw || typeof raw !== 'object' || typeof raw.text !== 'string')
      return refuse(`item ${i} has no text`);
    const { text, context, lang } = raw;
    if (text.length > limits.textChars)
      return refuse(`item ${i}'s text has ${text.length} characters, at most ${limits.textChars}`);
    if (context !== undefined && typeof context !== 'string')
      return refuse(`item ${i}'s record is not text`);
    if (context !== undefined && context.length > limits.contextChars)
      return refuse(
        `item ${i}'s record has ${context.length} characters, at most ${limits.contextChars}`,
      );
    if (lang !== undefined && (typeof lang !== 'string' || lang.length > limits.langChars))
      return refuse(`item ${i}'s language is not a language tag`);
    chars += text.length + (context?.length ?? 0);
    if (chars > limits.batchChars)
      return refuse(`the items hold more than ${limits.batchChars} characters`);
    const item: PageDetectItem = { text };
    if (context !== undefined) item.context = context;
    if (lang !== undefined) item.lang = lang;
    items.push(item);
  }
  return { ok: true, items };
}
