// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  comboOf,
  formatShortcut,
  matchesShortcut,
  parseShortcut,
} from '../../lib/settings/numbers-shortcut.ts';
import { overlaySettings } from '../../lib/settings/overlay-settings.ts';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('the numbers shortcut', () => {
  it('reads and writes a modifier combination ending in a letter or digit', () => {
    expect(parseShortcut('Alt+Shift+N')).toEqual({
      alt: true,
      shift: true,
      ctrl: false,
      meta: false,
      code: 'KeyN',
    });
    expect(formatShortcut(parseShortcut('shift+alt+n')!)).toBe('Alt+Shift+N');
    expect(formatShortcut(parseShortcut('Ctrl+7')!)).toBe('Ctrl+7');
    // No modifier, Shift alone (a capital letter), an odd key or modifier: not a shortcut.
    for (const bad of ['N', 'Shift+N', 'Alt+Enter', 'Hyper+N', 'Alt+', '']) {
      expect(parseShortcut(bad), bad).toBeUndefined();
    }
  });

  it('matches the physical key whatever the layout types', () => {
    const combo = parseShortcut('Alt+Shift+N')!;
    const press = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
    expect(
      matchesShortcut(press({ altKey: true, shiftKey: true, code: 'KeyN', key: 'Ñ' }), combo),
    ).toBe(true);
    expect(matchesShortcut(press({ altKey: true, code: 'KeyN' }), combo)).toBe(false);
    expect(comboOf(press({ ctrlKey: true, code: 'KeyK' }))).toMatchObject({ code: 'KeyK' });
    expect(comboOf(press({ shiftKey: true, code: 'KeyK' }))).toBeUndefined();
  });

  it('a stored shortcut that is not one falls back to the default', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      overlaySettings: { version: 1, value: { numbersShortcut: 'Enter' } },
    });
    expect((await overlaySettings.get()).numbersShortcut).toBe('Alt+Shift+N');
    await fakeBrowser.storage.local.set({
      overlaySettings: { version: 1, value: { numbersShortcut: 'ctrl+alt+k' } },
    });
    expect((await overlaySettings.get()).numbersShortcut).toBe('Ctrl+Alt+K');
  });
});
