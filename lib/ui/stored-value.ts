import browser from 'webextension-polyfill';

/**
 * Reads one key of an extension storage area and follows its changes; returns stop. Views
 * read what the background keeps there (call history, wrap-up) without asking it.
 */
export function watchStored(
  area: 'local' | 'session',
  key: string,
  onValue: (raw: unknown) => void,
): () => void {
  let stopped = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, changed: string) => {
    if (changed === area && key in changes) onValue(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  browser.storage[area]
    .get(key)
    .then((got) => !stopped && onValue(got[key]))
    .catch(() => undefined);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}
