import browser from 'webextension-polyfill';
import { overrideMessage } from '../settings/ui-language.ts';
import type english from '../../public/_locales/en/messages.json';

/** Every message name of the catalogue; a missing key is a type error. */
export type MessageKey = keyof typeof english;

export type Substitutions = string | number | ReadonlyArray<string | number>;

/**
 * The one way views get user-facing text: `browser.i18n.getMessage` with the extension's
 * `_locales` catalogue (or the language chosen in the options). Falls back to the key itself
 * so a gap is visible, never blank.
 */
export function t(key: MessageKey, subs?: Substitutions): string {
  const list =
    subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map((s) => String(s));
  return overrideMessage(key, list) ?? (browser.i18n.getMessage(key, list) || key);
}

/** A message key chosen at run time from a server value, e.g. `callState_${state}`. */
export function tOr(key: string, fallback: string, subs?: Substitutions): string {
  const list =
    subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map((s) => String(s));
  // Chrome message names allow only [A-Za-z0-9_@]; anything else cannot be a key.
  if (!/^[A-Za-z0-9_@]+$/.test(key)) return fallback;
  return overrideMessage(key, list) ?? (browser.i18n.getMessage(key, list) || fallback);
}
