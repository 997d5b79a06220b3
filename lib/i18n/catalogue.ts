import browser from 'webextension-polyfill';

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

/** The `_locales` folder of a language tag: `pt-BR` lives in `pt_BR`, as the browsers want. */
export function localeFolder(language: string): string {
  return language.replace('-', '_');
}

/**
 * Reads one of the extension's packaged catalogues. Works in extension pages and in the
 * background (also Chrome's service worker), never in content scripts: `_locales` is not
 * web-accessible.
 */
export async function fetchCatalogue(language: string): Promise<Catalogue> {
  const response = await fetch(
    browser.runtime.getURL(`/_locales/${localeFolder(language)}/messages.json`),
  );
  if (!response.ok) throw new Error(`No catalogue for ${language} (${response.status})`);
  return (await response.json()) as Catalogue;
}
