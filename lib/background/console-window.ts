import browser from 'webextension-polyfill';

/** `storage.session` key of the console window's id, so a restarted worker finds it again. */
export const CONSOLE_WINDOW_KEY = 'consoleWindowId';

/** The popup's width and a height that shows two calls without scrolling. */
const CONSOLE_SIZE = { width: 400, height: 640 };

/**
 * Brings the agent's console (the popup page) to the front in a small window of its own,
 * reusing the one opened before while it is still there. For what has no toolbar click to
 * open the popup: a click on a notification (Firefox notifications have no buttons).
 */
export async function openConsoleWindow(): Promise<void> {
  const stored = (await browser.storage.session.get(CONSOLE_WINDOW_KEY))[CONSOLE_WINDOW_KEY];
  if (typeof stored === 'number') {
    // A window closed since is an error (Chrome, Firefox) or no window: open a new one.
    const window = await browser.windows.update(stored, { focused: true }).catch(() => undefined);
    if (window) return;
  }
  const created = await browser.windows.create({
    url: browser.runtime.getURL('/popup.html'),
    type: 'popup',
    focused: true,
    ...CONSOLE_SIZE,
  });
  await browser.storage.session.set({ [CONSOLE_WINDOW_KEY]: created.id });
}
