import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BackgroundLanguage,
  cachedCatalogues,
  type CatalogueLoader,
} from '@/lib/background/background-language';
import {
  MENU_CALL_SELECTION,
  MENU_OVERLAY_OFF,
  MENU_OVERLAY_ON,
  PageContextMenu,
  type MenuSession,
} from '@/lib/background/page-context-menu';
import type { SiteLists } from '@/lib/background/page-sites';
import { agentSettings, type UiLanguage } from '@/lib/settings/agent-settings';
import type { Catalogue } from '@/lib/i18n/catalogue';
import { applyUiLanguage, uiLanguage } from '@/lib/i18n/messages';
import { t } from '@/lib/i18n/messages';
import { readCatalogue, useCatalogue } from './popup-harness';

const en = readCatalogue('en');
const fr = readCatalogue('fr');
const load: CatalogueLoader = async (language) => readCatalogue(language) as Catalogue;

const lists: SiteLists = {
  crmSites: ['http://127.0.0.1/*', 'https://crm.example.com/*'],
  disabledSites: ['https://crm.example.com/*'],
  region: 'US',
  confirmBeforeDial: false,
  numbersShortcut: 'Alt+Shift+N',
  language: 'browser',
  partyNameKey: 'CustomerName',
};

/** The browser's context menu as the items it holds now (id → title). */
function fakeMenus(): Map<string, string> {
  const items = new Map<string, string>();
  const menus = fakeBrowser.contextMenus as unknown as Record<string, unknown>;
  menus.removeAll = vi.fn(async () => items.clear());
  menus.create = vi.fn((props: { id: string; title: string }, done?: () => void) => {
    items.set(props.id, props.title);
    done?.();
    return props.id;
  });
  return items;
}

const setLanguage = (language: UiLanguage) =>
  agentSettings.update((current) => ({ ...current, language }));

beforeEach(() => {
  fakeBrowser.reset();
  // The browser speaks English.
  useCatalogue('en');
});
afterEach(() => applyUiLanguage('browser'));

describe('the background speaks the language the agent chose', () => {
  it('titles the context menu in it at start, and again when the setting changes', async () => {
    const items = fakeMenus();
    await setLanguage('fr');
    const language: BackgroundLanguage = new BackgroundLanguage({
      load,
      onChange: () => menu.retitle(),
    });
    const menu = new PageContextMenu(
      () => ({}) as MenuSession,
      async () => lists,
      () => language.ready(),
    );
    await language.start();
    await menu.rebuild(lists);
    expect(Object.fromEntries(items)).toEqual({
      [MENU_CALL_SELECTION]: fr.menuCallSelection!.message,
      [MENU_OVERLAY_OFF]: fr.menuOverlayOff!.message,
      [MENU_OVERLAY_ON]: fr.menuOverlayOn!.message,
    });
    expect(items.get(MENU_CALL_SELECTION)).toBe('Appeler « %s »');

    await setLanguage('en');
    await language.ready();
    await menu.idle();
    expect(items.get(MENU_OVERLAY_OFF)).toBe(en.menuOverlayOff!.message);
    expect(items.get(MENU_CALL_SELECTION)).toBe('Call “%s”');

    // Back to the browser's language (English here), through the browser's own catalogue.
    await setLanguage('fr');
    await language.ready();
    await menu.idle();
    expect(items.get(MENU_OVERLAY_ON)).toBe(fr.menuOverlayOn!.message);
    await setLanguage('browser');
    await language.ready();
    await menu.idle();
    expect(items.get(MENU_OVERLAY_ON)).toBe(en.menuOverlayOn!.message);
    expect(uiLanguage()).toBe('en');
  });

  it('a worker woken by a settings change titles the menu only once the language is in force', async () => {
    const items = fakeMenus();
    await setLanguage('fr');
    let release = () => {};
    const slow: CatalogueLoader = (language) =>
      new Promise((resolve) => (release = () => resolve(readCatalogue(language) as Catalogue)));
    const language = new BackgroundLanguage({ load: slow });
    const menu = new PageContextMenu(
      () => ({}) as MenuSession,
      async () => lists,
      () => language.ready(),
    );
    void language.start();
    const built = menu.rebuild(lists);
    await new Promise((r) => setTimeout(r, 10));
    expect(items.size).toBe(0);
    release();
    await built;
    expect(items.get(MENU_OVERLAY_OFF)).toBe(fr.menuOverlayOff!.message);
  });

  it('a catalogue that cannot be read: the browser language, and the failure is reported', async () => {
    await setLanguage('fr');
    const onError = vi.fn();
    const language = new BackgroundLanguage({
      load: async () => Promise.reject(new Error('not packaged')),
      onError,
    });
    await language.start();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'not packaged' }));
    expect(uiLanguage()).toBe('en');
    expect(t('menuOverlayOff')).toBe(en.menuOverlayOff!.message);
  });

  it('reads each catalogue once, and again after a failed read', async () => {
    let fail = true;
    const reads: string[] = [];
    const cached = cachedCatalogues(async (language) => {
      reads.push(language);
      if (fail) throw new Error('busy');
      return readCatalogue(language) as Catalogue;
    });
    await expect(cached('fr')).rejects.toThrow('busy');
    fail = false;
    expect((await cached('fr')).overlayCall).toEqual(fr.overlayCall);
    await cached('fr');
    await cached('en');
    expect(reads).toEqual(['fr', 'fr', 'en']);
  });
});
