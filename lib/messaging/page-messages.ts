/**
 * What the CRM page overlay (a content script) and the background say to each other. These
 * are the only commands a content script may send (access 'content-script' in the protocol
 * map), and the background checks the sending tab against the enabled CRM sites for each.
 */
import type { KeyCombo } from '../settings/numbers-shortcut.ts';
import type { OverlayWords } from '../i18n/overlay-messages.ts';
import type { OfferedOperation } from '../gws/call-operations.ts';

/**
 * `storage.local` keys whose change may change a page's configuration (the agent's settings
 * hold the sites, the region and the language).
 */
export const PAGE_SETTINGS_KEYS: readonly string[] = ['agentSettings', 'overlaySettings'];

/** Why the overlay is off on a page. */
export type PageOffReason = 'not-a-crm-site' | 'turned-off';

/** What a page needs to know before it scans anything. */
export interface PageConfig {
  enabled: boolean;
  reason?: PageOffReason;
  /** ISO 3166-1 alpha-2 region national numbers on the page are read in. */
  region: string;
  /** A click on a number asks for confirmation before dialling. */
  confirmBeforeDial: boolean;
  /**
   * The keys that bring focus to the page's numbers, read by the background (the page script
   * only compares key presses with it: lib/settings/numbers-shortcut.ts).
   */
  numbersShortcut: KeyCombo;
  /** Dial-plan patterns of internal numbers to decorate too ("7XXX"); none when absent. */
  internalNumbers?: string[];
  /**
   * The language the agent chose when it is not the browser's, with the overlay's messages in
   * it (OVERLAY_MESSAGE_KEYS only): a content script cannot read the extension's catalogues.
   * Absent: the overlay follows the browser's language, as `i18n.getMessage` does.
   */
  words?: OverlayWords;
}

/** Everything the card shows about a number itself (no call data). */
export interface PageNumberInfo {
  /** The number as requested (the key the page asked with). */
  number: string;
  valid: boolean;
  /** A 3–6 digit internal directory number. */
  internal: boolean;
  e164?: string;
  national?: string;
  international?: string;
  countryCode?: string;
  countryName?: string;
  /** State / province for NANP numbers, else a city or the country. */
  location?: string;
  type?: string;
  /** IANA time zone of the number's area, when it has one. */
  timeZone?: string;
}

/** Controls the card offers on a live call that involves the number. */
export type PageCallAction = OfferedOperation<'page-call'>;
/** Controls that bring the number into another live call. */
export type PageTransferAction = OfferedOperation<'page-transfer'>;
export type PageOperation = PageCallAction | PageTransferAction;

export interface PageLiveCall {
  callId: string;
  state: string;
  callType: string;
  /** Epoch ms the call started (the duration is counted from it). */
  startedAt: number;
  /** Attached data as text pairs, in the order GWS sent them (bounded). */
  userData: Array<[string, string]>;
  actions: PageCallAction[];
}

/** Another live call the agent could transfer or conference to this number. */
export interface PageOtherCall {
  callId: string;
  state: string;
  /** The other party of that call, for the button's label. */
  party: string;
  actions: PageTransferAction[];
}

export interface PageLookup {
  number: string;
  signedIn: boolean;
  calls: PageLiveCall[];
  otherCalls: PageOtherCall[];
  /**
   * Set while calls cannot be controlled: `offline` (the push channel is down, call data may
   * be out of date) or `voice` (GWS's voice service is down). No actions are offered then.
   */
  degraded?: 'offline' | 'voice';
}

/** Most numbers a page may ask about in one message. */
export const PAGE_BATCH_LIMIT = 100;

/**
 * One text the page asks the background to find numbers in (lib/phone/detection-service.ts),
 * with what its record says: the page reads the DOM, the background reads the numbers.
 */
export interface PageDetectItem {
  /**
   * A text node's text (or a read-only input's value, a tel: link's target), or the texts of one
   * record joined by line breaks (lib/overlay/decorations.ts): a row is one item, not one per cell.
   */
  text: string;
  /** The whole record around it, cells joined by tabs (lib/overlay/record-context.ts). */
  context?: string;
  /** The language the page or the record's element declares (`lang`). */
  lang?: string;
}

/**
 * A `page.detect` message: the texts, and the records they belong to once each (a table row's
 * cells share one record, sent once, not once per cell).
 */
export interface PageDetectRequest {
  items: Array<{ text: string; lang?: string; /** Index into `records`. */ record?: number }>;
  records?: string[];
}

/** A number found in a PageDetectItem's text; offsets are UTF-16 indices into that text. */
export interface PageDetectedNumber {
  start: number;
  end: number;
  /** E.164 (no extension); for an internal number, its directory number. */
  e164: string;
  extension?: string;
  internal?: true;
}

/**
 * Bounds of one `page.detect` message: anything larger is refused with a reason, never cut
 * silently. The page cuts longer texts and records itself (lib/overlay/detection-client.ts).
 * 200 texts of a CRM table with their ~25 rows are ~10 kB: one message per scanner slice or two.
 */
export const PAGE_DETECT_LIMITS: DetectLimits = {
  items: 200,
  textChars: 4096,
  contextChars: 4096,
  langChars: 35,
  batchChars: 262_144,
};

export interface DetectLimits {
  items: number;
  textChars: number;
  contextChars: number;
  langChars: number;
  /** Characters of all texts and records together. */
  batchChars: number;
}

/**
 * The port a page overlay opens to be told about live calls (lib/background/page-live-push.ts):
 * it says which numbers it shows a card for, and the background pushes their live calls
 * whenever they change, instead of the page asking again and again.
 */
export const PAGE_LIVE_PORT = 'gws-cti-page-live';

/** Most numbers one page may watch at once (the card shows one). */
export const PAGE_WATCH_LIMIT = 4;

/** Page → background: the numbers to be told about from now on (replaces the previous set). */
export interface PageWatch {
  type: 'watch';
  numbers: string[];
}

/** Background → page: the live calls of each watched number, sent when any of them changed. */
export interface PageLivePush {
  type: 'live';
  lookups: PageLookup[];
}
