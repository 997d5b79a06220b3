import { t } from '@/lib/i18n/messages';

export const KEYPAD_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type KeypadKey = (typeof KEYPAD_KEYS)[number];

const LETTERS: Readonly<Record<string, string>> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
  '0': '+',
};

interface Props {
  onKey: (key: KeypadKey) => void;
  /** Accessible name of the group, e.g. "Dial pad" or "Keypad tones". */
  label: string;
  disabled?: boolean;
}

/** The twelve telephone keys as buttons (one tab stop each, in reading order). */
export function Keypad({ onKey, label, disabled }: Props) {
  return (
    <div class="keypad" role="group" aria-label={label}>
      {KEYPAD_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          class="keypad-key"
          disabled={disabled}
          aria-label={t('keypadKey', key === '*' ? t('keyStar') : key === '#' ? t('keyHash') : key)}
          onClick={() => onKey(key)}
        >
          <span class="keypad-digit" aria-hidden="true">
            {key}
          </span>
          <span class="keypad-letters" aria-hidden="true">
            {LETTERS[key] ?? ''}
          </span>
        </button>
      ))}
    </div>
  );
}
