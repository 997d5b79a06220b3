import type { LookAlikeCategory, PhoneFormat } from './data/types.ts';

/**
 * Where a string sits on the page, which decides whether a phone overlay should act on it:
 * - text: ordinary page text (table cells, paragraphs)
 * - tel-link / callto-link: the visible text of an <a href="tel:…"> / <a href="callto:…">
 * - readonly-input: the value of a read-only <input> (type text or tel)
 * - iframe: text inside a same-origin iframe
 * - shadow-root: text inside an open shadow root
 * - late-row: text in rows appended after load (delay, "Load more", pushState navigation)
 * - editable: an editable input, textarea or contenteditable element
 * - opt-out: inside an element carrying the data-cti-ignore attribute
 * - format-detection-off: on a page with <meta name="format-detection" content="telephone=no">
 */
export type TruthContext =
  | 'text'
  | 'tel-link'
  | 'callto-link'
  | 'readonly-input'
  | 'iframe'
  | 'shadow-root'
  | 'late-row'
  | 'editable'
  | 'opt-out'
  | 'format-detection-off';

/** Contexts in which an overlay must leave even a real phone number alone. */
export const HANDS_OFF_CONTEXTS: readonly TruthContext[] = [
  'editable',
  'opt-out',
  'format-detection-off',
];

export interface TruthEntry {
  /** Exactly the characters on the page (for links: the link text; for inputs: the value). */
  text: string;
  type: 'phone' | 'look-alike';
  /** What a correct overlay does: decorate phones outside hands-off contexts, ignore the rest. */
  expect: 'decorate' | 'ignore';
  context: TruthContext;
  /** Phones: E.164 without extension; null for internal DNs. */
  e164?: string | null;
  ext?: string;
  dn?: string;
  /** Phones: country of the number, needed to read national formats. */
  region?: string;
  format?: PhoneFormat;
  category?: LookAlikeCategory;
  /** Phones a careful detector may miss, or look-alikes whose digits form a valid number. */
  hard?: boolean;
  /** Links: the href. */
  href?: string;
  contactId?: string;
  /** Late rows: 0 = first batch after the initial delay, n = after n clicks on "Load more". */
  batch?: number;
  /** Iframe entries: the frame's URL path. */
  frame?: string;
  note?: string;
}

export interface TruthPage {
  /** URL path (with query where it matters) that shows these strings. */
  path: string;
  title: string;
  description: string;
  /** URLs on the CRM whose bodies contain every `text` below (HTML, scripts or JSON). */
  sources: string[];
  /** Entries in document order. */
  entries: TruthEntry[];
}

export interface GroundTruth {
  schema: 'northwind-crm-ground-truth/1';
  description: string;
  contexts: Record<TruthContext, 'decorate' | 'ignore'>;
  pages: TruthPage[];
}
