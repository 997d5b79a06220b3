/**
 * The key combination that brings keyboard focus to a page's phone numbers (the overlay's
 * only keyboard way in). It is the page's own key press, seen by the content script, not a
 * browser command: Chrome gives at most four commands a default key, and those are taken.
 * Stored as text ("Alt+Shift+N"); the agent can choose another in the options page.
 */
export const DEFAULT_NUMBERS_SHORTCUT = 'Alt+Shift+N';

export interface KeyCombo {
  alt: boolean;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
  /** A `KeyboardEvent.code`: the physical key, the same whatever the keyboard layout. */
  code: string;
}

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;

/** Keys a shortcut may end in: letters and digits (page keys like Tab or Enter stay the page's). */
const KEY = /^(?:Key[A-Z]|Digit[0-9])$/;

/** Reads "Alt+Shift+N"; undefined for anything else (no modifier, two keys, an odd key). */
export function parseShortcut(text: string): KeyCombo | undefined {
  const parts = text.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  const code = /^[A-Z]$/i.test(key)
    ? `Key${key.toUpperCase()}`
    : /^\d$/.test(key)
      ? `Digit${key}`
      : '';
  if (!KEY.test(code) || parts.length === 0) return undefined;
  const combo: KeyCombo = { alt: false, shift: false, ctrl: false, meta: false, code };
  for (const part of parts) {
    const name = MODIFIERS.find((m) => m.toLowerCase() === part.toLowerCase());
    if (!name) return undefined;
    combo[name.toLowerCase() as 'alt' | 'shift' | 'ctrl' | 'meta'] = true;
  }
  // Shift alone would take a capital letter from every text field.
  if (!combo.alt && !combo.ctrl && !combo.meta) return undefined;
  return combo;
}

/** The combination as stored and shown: modifiers in a fixed order, then the key. */
export function formatShortcut(combo: KeyCombo): string {
  const key = combo.code.replace(/^(Key|Digit)/, '');
  return [
    ...MODIFIERS.filter((m) => combo[m.toLowerCase() as 'alt' | 'shift' | 'ctrl' | 'meta']),
    key,
  ].join('+');
}

/** The combination a key press makes, when it is one a shortcut can be. */
export function comboOf(e: KeyboardEvent): KeyCombo | undefined {
  const combo = {
    alt: e.altKey,
    shift: e.shiftKey,
    ctrl: e.ctrlKey,
    meta: e.metaKey,
    code: e.code,
  };
  return parseShortcut(formatShortcut(combo)) ? combo : undefined;
}

export function matchesShortcut(e: KeyboardEvent, combo: KeyCombo): boolean {
  return (
    e.code === combo.code &&
    e.altKey === combo.alt &&
    e.shiftKey === combo.shift &&
    e.ctrlKey === combo.ctrl &&
    e.metaKey === combo.meta
  );
}
