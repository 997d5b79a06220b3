import browser from 'webextension-polyfill';
import { originPattern } from '../settings/crm-sites.ts';

/**
 * Asks for the GWS server's host as an optional host permission, from the sign-in click
 * (a user gesture), so the background may call it with the agent's cookies. Hosts already
 * granted (loopback, where the demo and the tests grant it at install) resolve at once without
 * a prompt. A URL that does not parse is left for the background to reject with its own
 * message.
 */
export function requestServerAccess(serverUrl: string): Promise<boolean> {
  // Host only: match patterns carry no port in Firefox (`http://127.0.0.1:8090/*` is not
  // covered by a granted `http://127.0.0.1/*` there, and would prompt again).
  const pattern = originPattern(serverUrl);
  if (!pattern) return Promise.resolve(true);
  // Called before any await: Chrome honours the request only inside the gesture.
  return browser.permissions.request({ origins: [pattern] });
}
