import browser from 'webextension-polyfill';
import type { UiLanguage } from './agent-settings.ts';

/** One message of a `_locales/<lang>/messages.json` catalogue. */
export interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/**
 * `i18n.getMessage` over a catalogue, with the browsers' rules: named `$PLACEHOLDER$`s
 * (case-insensitive) become their content, then `$1`…`$9` the substitutions, `$$` a `$`.
 * Undefined when the catalogue has no such message.
 */
export function catalogueMessage(
  catalogue: Catalogue,
  name: string,
  substitutions: readonly string[] = [],
): string | undefined {
  const entry = Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
  if (!entry || typeof entry.message !== 'string') return undefined;
  const placeholders = Object.entries(entry.placeholders ?? {});
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, key: string) => {
    const found = placeholders.find(([k]) => k.toLowerCase() === key.toLowerCase());
    return found ? found[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (substitutions[Number(d) - 1] ?? ''),
  );
}

let active: { language: string; catalogue: Catalogue } | undefined;

/**
 * The message in the language the agent chose, when it differs from the browser's; undefined
 * means "ask the browser" (no override, or a message the chosen catalogue lacks).
 */
export function overrideMessage(
  name: string,
  substitutions?: readonly string[],
): string | undefined {
  return active ? catalogueMessage(active.catalogue, name, substitutions) : undefined;
}

/** The browser's UI language (what `i18n.getMessage` follows), 'en' when it cannot say. */
function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** The language pages are shown in: the chosen one, else the browser's. */
export function uiLanguage(): string {
  return active ? active.language : browserLanguage();
}

/**
 * The language tag a setting stands for (`browser`: the browser's UI language), for `Intl`
 * and country names where the caller knows the setting but has not applied it.
 */
export function languageTag(language: UiLanguage): string {
  return language === 'browser' ? browserLanguage() : language;
}

/**
 * Reads one of the extension's packaged catalogues. Works in extension pages and in the
 * background (also Chrome's service worker), never in content scripts: `_locales` is not
 * web-accessible.
 */
export async function fetchCatalogue(language: string): Promise<Catalogue> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  if (!response.ok) throw new Error(`No catalogue for ${language} (${response.status})`);
  return (await response.json()) as Catalogue;
}

/**
 * Switches this page's messages to `language` (`browser`: the browser's own choice). The
 * browser picks an extension's language from its UI language and offers no switch, so the
 * chosen catalogue is read from the extension's own files.
 */
export async function applyUiLanguage(
  language: UiLanguage,
  load: (language: string) => Promise<Catalogue> = fetchCatalogue,
): Promise<void> {
  if (language === 'browser') {
    active = undefined;
    return;
  }
  active = { language, catalogue: await load(language) };
}
