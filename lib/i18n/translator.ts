/**
 * Translators written by hand over the extension's `_locales` catalogues. The browser's own
 * `i18n.getMessage` picks the catalogue from the browser's UI language once, at start, and
 * offers no way to switch at run time; the agent chooses the language in the options page,
 * so a translator reads the chosen catalogue itself and falls back to `i18n.getMessage`
 * (the browser's language) for "follow the browser" and for any message the catalogue lacks.
 *
 * One translator per catalogue a context reads: the extension pages and the background use
 * every message (messages.ts), the CRM overlay only its own (overlay-messages.ts). Keys are
 * typed; keys built from server values go through the builders in keys.ts.
 */
import browser from 'webextension-polyfill';
import { catalogueMessage, type Catalogue } from './catalogue.ts';

export type Substitutions = string | number | ReadonlyArray<string | number>;

/** A catalogue chosen in place of the browser's (undefined: follow the browser). */
export interface ChosenCatalogue {
  language: string;
  catalogue: Catalogue;
}

export interface Translator<K extends string> {
  /** The message in the language in force; the key itself when no catalogue has it. */
  t(key: K, subs?: Substitutions): string;
  /** The language in force, for `Intl` and `lang` attributes. */
  language(): string;
  /** Switches the language; returns whether it changed. */
  use(chosen: ChosenCatalogue | undefined): boolean;
}

type BrowserMessage = (key: string, subs: string[]) => string;

const browserMessage: BrowserMessage = (key, subs) => browser.i18n.getMessage(key, subs);

/** The browser's UI language (what `i18n.getMessage` follows), 'en' when it cannot say. */
export function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

export function createTranslator<K extends string>(
  fromBrowser: BrowserMessage = browserMessage,
): Translator<K> {
  let chosen: ChosenCatalogue | undefined;
  return {
    t(key, subs) {
      const list =
        subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map((s) => String(s));
      const own = chosen ? catalogueMessage(chosen.catalogue, key, list) : undefined;
      return own ?? (fromBrowser(key, list) || key);
    },
    language: () => chosen?.language ?? browserLanguage(),
    use(next) {
      const changed = next?.language !== chosen?.language;
      chosen = next;
      return changed;
    },
  };
}
