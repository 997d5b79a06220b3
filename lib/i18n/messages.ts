import type { UiLanguage } from '../settings/agent-settings.ts';
import type english from '../../public/_locales/en/messages.json';
import { fetchCatalogue, type Catalogue } from './catalogue.ts';
import { browserLanguage, createTranslator, type Substitutions } from './translator.ts';

/** Every message name of the catalogue; a missing key is a type error. */
export type MessageKey = keyof typeof english;

/** The words of the extension pages (popup, options) and of the background. */
export const pageText = createTranslator<MessageKey>();

/** The one way pages and the background get user-facing text. */
export function t(key: MessageKey, subs?: Substitutions): string {
  return pageText.t(key, subs);
}

/** The language pages are shown in: the chosen one, else the browser's. */
export function uiLanguage(): string {
  return pageText.language();
}

/**
 * The language tag a setting stands for (`browser`: the browser's UI language), for `Intl`
 * and country names where the caller knows the setting but has not applied it.
 */
export function languageTag(language: UiLanguage): string {
  return language === 'browser' ? browserLanguage() : language;
}

/** Switches this context's words to `language` (`browser`: the browser's own choice). */
export async function applyUiLanguage(
  language: UiLanguage,
  load: (language: string) => Promise<Catalogue> = fetchCatalogue,
): Promise<void> {
  pageText.use(language === 'browser' ? undefined : { language, catalogue: await load(language) });
}
