import { nonEmpty } from './safe-read.ts';

/** Longer than any URI GWS builds. */
const MAX_URI = 2_048;

/**
 * The API base GWS builds its URIs from (`<public base>/api/v2`, gws-api.md §11: its
 * `externalApiUrlV2`, which need not be the address the agent signed in through), read off a
 * URI it sent ending in `/api/v2/<collection>/<id>`: a device's `voiceEnvironmentUri` (§6.3),
 * a user's `uri` (§6.6). Undefined for anything else.
 */
export function apiBaseOf(uri: unknown, collection: string): string | undefined {
  const text = nonEmpty(uri);
  // A URI is short; a longer text is not one (and no search runs over it).
  if (!text || text.length > MAX_URI || !/^https?:\/\/[^/?#]/i.test(text)) return undefined;
  const marker = `/api/v2/${collection}/`;
  const at = text.lastIndexOf(marker);
  if (at < 0) return undefined;
  const id = text.slice(at + marker.length).replace(/\/$/, '');
  return id !== '' && !/[/?#]/.test(id) ? text.slice(0, at + '/api/v2'.length) : undefined;
}

/**
 * Where a device URI GWS did not send is built (`<api>/devices/<id>`, the form of a call's
 * `deviceUri`, §6.1, and of `targetDeviceUri`, §4.3): on the base of GWS's own URIs, taken
 * from the device's `voiceEnvironmentUri`, else on the server signed in to [INF: a device
 * resource lists no `uri`, §6.3].
 */
export function deviceApiBase(
  voiceEnvironmentUri: unknown,
  serverUrl: string | undefined,
): string | undefined {
  return (
    apiBaseOf(voiceEnvironmentUri, 'voice-environments') ??
    (serverUrl ? `${serverUrl.replace(/\/+$/, '')}/api/v2` : undefined)
  );
}
