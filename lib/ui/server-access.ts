import browser from 'webextension-polyfill';

/**
 * Asks for the GWS server's origin as an optional host permission, from the sign-in click
 * (a user gesture), so the background may call it with the agent's cookies. Origins already
 * granted (the bundled simulator's) resolve at once without a prompt. A URL that does not
 * parse is left for the background to reject with its own message.
 */
export function requestServerAccess(serverUrl: string): Promise<boolean> {
  let origin: string;
  try {
    origin = new URL(serverUrl).origin;
  } catch {
    return Promise.resolve(true);
  }
  // Called before any await: Chrome honours the request only inside the gesture.
  return browser.permissions.request({ origins: [`${origin}/*`] });
}
