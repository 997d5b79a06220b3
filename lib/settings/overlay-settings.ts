import { defineVersionedItem, mergeWithDefaults } from './versioned-item.ts';
import { DEFAULT_NUMBERS_SHORTCUT, formatShortcut, parseShortcut } from './numbers-shortcut.ts';

/**
 * The phone overlay's own preferences. The list of CRM sites itself lives in the agent's
 * settings (`agentSettings.crmSites`); this item only turns the overlay off on some of them
 * and chooses how a click behaves.
 */
export const OVERLAY_SETTINGS_DEFAULTS = {
  /** CRM site patterns (from `crmSites`) the overlay is switched off on. */
  disabledSites: [] as string[],
  /** A click on a number opens the card with a Call button instead of dialling at once. */
  confirmBeforeDial: false,
  /**
   * Internal numbers dialable from pages, as dial-plan patterns ("7XXX, 8XX";
   * lib/phone/internal-numbers.ts). Empty: none (a short number on a page is rarely one).
   */
  internalNumbers: '',
  /** The keys that bring focus to a page's phone numbers (lib/settings/numbers-shortcut.ts). */
  numbersShortcut: DEFAULT_NUMBERS_SHORTCUT,
};

export type OverlaySettings = typeof OVERLAY_SETTINGS_DEFAULTS;

export const OVERLAY_SETTINGS_KEY = 'overlaySettings';

function normalize(value: unknown, defaults: OverlaySettings): OverlaySettings {
  const merged = mergeWithDefaults(value, defaults);
  merged.disabledSites = [
    ...new Set((merged.disabledSites as unknown[]).filter((s) => typeof s === 'string')),
  ] as string[];
  const shortcut = parseShortcut(String(merged.numbersShortcut));
  merged.numbersShortcut = shortcut ? formatShortcut(shortcut) : defaults.numbersShortcut;
  return merged;
}

/** The overlay settings in `storage.local`. */
export const overlaySettings = defineVersionedItem<OverlaySettings>({
  key: OVERLAY_SETTINGS_KEY,
  defaults: OVERLAY_SETTINGS_DEFAULTS,
  normalize,
});
