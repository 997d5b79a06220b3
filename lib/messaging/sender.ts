/** Who sent a runtime message, as far as the background is concerned. */
export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

export interface SenderLike {
  id?: string;
  url?: string;
  /** The sending document's origin (`about:srcdoc` frames report their parent's). */
  origin?: string;
  tab?: unknown;
}

/**
 * Classifies a message sender. Extension pages (popup, options, even when the options page
 * is open in a tab) have a URL on the extension's own origin; content scripts run in a tab
 * on a web page. Anything from another extension is foreign. Page scripts cannot reach
 * runtime messaging at all (no `externally_connectable`), so they never appear here.
 */
export function classifySender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return 'foreign';
}
