/**
 * Dial-plan rules: how a number the agent dials (or transfers to) is turned into the string
 * the switch accepts. Rules are ordered; the first enabled rule that matches decides; with
 * no rule, or none matching, the number goes out exactly as given.
 */

/**
 * What a number is, read in the agent's region: an internal directory number (3–6 digits),
 * a number of the agent's own country calling code, a number of another one, or anything
 * else (service codes, digits that no region can read).
 */
export const NUMBER_CLASSES = ['internal', 'national', 'international', 'other'] as const;
export type NumberClass = (typeof NUMBER_CLASSES)[number];

/**
 * The form a matched number is written in before digits are stripped or added: as given,
 * E.164 (`+442079460958`), national digits with the trunk prefix (`02079460958`), or the
 * international digits without `+` (`442079460958`).
 */
export const DIAL_FORMATS = ['as-given', 'e164', 'national', 'digits'] as const;
export type DialFormat = (typeof DIAL_FORMATS)[number];

export interface DialRule {
  /** What the administrator calls it; shown in the tester and the diagnostics. */
  name: string;
  enabled: boolean;
  /** The classes the number must be in; empty: any class. */
  classes: NumberClass[];
  /** A digit pattern (digit-pattern.ts) the number must match; '' matches any. */
  pattern: string;
  format: DialFormat;
  /** How many leading characters to remove after formatting. */
  stripDigits: number;
  /** Removed when the formatted number starts with it (after `stripDigits`). */
  stripPrefix: string;
  /** Put in front of what is left (an outside-line `9`, an international `011`). */
  prefix: string;
}

/** A new rule as the editor adds it: matches anything, changes nothing. */
export function blankRule(name: string): DialRule {
  return {
    name,
    enabled: true,
    classes: [],
    pattern: '',
    format: 'as-given',
    stripDigits: 0,
    stripPrefix: '',
    prefix: '',
  };
}
