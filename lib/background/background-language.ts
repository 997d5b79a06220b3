import { agentSettings, type UiLanguage } from '../settings/agent-settings.ts';
import { fetchCatalogue, type Catalogue } from '../i18n/catalogue.ts';
import { applyUiLanguage } from '../i18n/messages.ts';
import { pickOverlayMessages, type OverlayWords } from '../i18n/overlay-messages.ts';

export type CatalogueLoader = (language: string) => Promise<Catalogue>;

/**
 * A loader that reads each packaged catalogue once: every page.config of every CRM frame
 * asks for the chosen language's words. A failed read is tried again next time.
 */
export function cachedCatalogues(load: CatalogueLoader = fetchCatalogue): CatalogueLoader {
  const cache = new Map<string, Promise<Catalogue>>();
  return (language) => {
    let found = cache.get(language);
    if (!found) {
      found = load(language);
      cache.set(language, found);
      found.catch(() => cache.delete(language));
    }
    return found;
  };
}

/** The background's shared catalogue reader (its own words and the pages'). */
export const packagedCatalogues = cachedCatalogues();

/**
 * What the page config carries for `language`: its entries of the overlay's messages, or
 * nothing when the overlay should follow the browser (the setting says so, or the chosen
 * catalogue cannot be read; the browser's language then beats no words at all).
 */
export async function overlayWordsFor(
  language: UiLanguage,
  load: CatalogueLoader = packagedCatalogues,
): Promise<OverlayWords | undefined> {
  if (language === 'browser') return undefined;
  try {
    return { language, messages: pickOverlayMessages(await load(language)) };
  } catch {
    return undefined;
  }
}

export interface BackgroundLanguageOptions {
  load?: CatalogueLoader;
  /**
   * After the language in force changed (not at the first start): re-title the menus. Called
   * without waiting for it, since it may itself wait for `ready()`.
   */
  onChange?: () => void | Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * The background's own words (incoming-call notifications, context menus) in the language the
 * agent chose in the options page. The browser picks an extension's `_locales` from its own
 * UI language, so without this the background would speak the browser's language while the
 * popup speaks the agent's. Applies the setting at start and follows its changes; each change
 * re-reads the stored setting, one at a time, so the last one written wins.
 */
export class BackgroundLanguage {
  private readonly o: BackgroundLanguageOptions;
  private applied: Promise<void> = Promise.resolve();
  private current: UiLanguage | undefined;

  constructor(options: BackgroundLanguageOptions = {}) {
    this.o = options;
  }

  /** Registers the settings listener (call synchronously at background start) and applies. */
  start(): Promise<void> {
    agentSettings.watch((settings) => {
      if (settings.language !== this.current) void this.refresh();
    });
    return this.refresh();
  }

  /** Resolves once the language last asked for is in force: wait for it before wording. */
  ready(): Promise<void> {
    return this.applied;
  }

  private refresh(): Promise<void> {
    this.applied = this.applied
      .then(() => this.sync())
      .catch((error: unknown) => this.o.onError?.(error));
    return this.applied;
  }

  private async sync(): Promise<void> {
    const { language } = await agentSettings.get().catch(() => agentSettings.defaults());
    if (language === this.current) return;
    const first = this.current === undefined;
    try {
      await applyUiLanguage(language, this.o.load ?? packagedCatalogues);
    } catch (error) {
      // A catalogue that cannot be read: the browser's language rather than none.
      await applyUiLanguage('browser');
      this.o.onError?.(error);
    }
    this.current = language;
    // Not awaited: what it does (menu titles) waits for ready(), which includes this step.
    if (!first)
      void Promise.resolve(this.o.onChange?.()).catch((e: unknown) => this.o.onError?.(e));
  }
}
