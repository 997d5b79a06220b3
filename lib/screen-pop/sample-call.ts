import type { CallDirection, PopCall } from './types.ts';

/** The rule tester's sample call, as typed. */
export interface SampleCallForm {
  ani: string;
  dnis: string;
  callType: string;
  direction: CallDirection;
  /** Attached data, one `key=value` per line. */
  userData: string;
}

export interface ParsedUserData {
  userData: Record<string, string>;
  /** 1-based numbers of the lines that are not `key=value` with a key (blank lines are fine). */
  badLines: number[];
}

/**
 * Attached data from `key=value` lines: the key is trimmed and the value is what follows the
 * first `=` (trimmed, so `Name = Zoë` gives `Zoë`; a value may itself contain `=`). A key given
 * twice keeps the last value. Any key is stored as an own property (even `__proto__`).
 */
export function parseUserDataLines(typed: string): ParsedUserData {
  const entries = new Map<string, string>();
  const badLines: number[] = [];
  typed.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const eq = line.indexOf('=');
    const key = eq === -1 ? '' : line.slice(0, eq).trim();
    if (key === '') {
      badLines.push(i + 1);
      return;
    }
    entries.set(key, line.slice(eq + 1).trim());
  });
  return { userData: Object.fromEntries(entries), badLines };
}

/** The call `testRule` is given: empty numbers are left out (a call without an ANI). */
export function sampleCallFromForm(form: SampleCallForm): {
  call: Partial<PopCall>;
  badLines: number[];
} {
  const { userData, badLines } = parseUserDataLines(form.userData);
  const ani = form.ani.trim();
  const dnis = form.dnis.trim();
  return {
    call: {
      callType: form.callType,
      direction: form.direction,
      ...(ani ? { ani } : {}),
      ...(dnis ? { dnis } : {}),
      userData,
    },
    badLines,
  };
}
