/**
 * Favourites and speed-dial entries: what the administrator (options page or policy) puts in
 * the agent's directory. One check serves the options editor, stored settings and policy, so a
 * list is never usable in one place and refused in another; every problem names the entry and
 * the field, in words the options page can show in the agent's language.
 */
import { readDialInput } from '../phone/dial-input.ts';
import type { MessageWords, RuleProblem } from '../screen-pop/types.ts';
import { DESTINATION_KINDS, type DestinationKind, type DirectoryEntry } from './types.ts';

/** One favourite or speed-dial entry as it is stored and as policy gives it. */
export interface AdminEntry {
  name: string;
  /** Phone number, DN or routing point, as the administrator wrote it. */
  number: string;
  kind: DestinationKind;
  /** Speed-dial entries only: the digits typed on the dial pad. */
  code?: string;
}

export const MAX_ADMIN_ENTRIES = 100;
export const MAX_ENTRY_NAME = 80;
/** Speed-dial codes: 1 to 4 digits. */
const CODE = /^[0-9]{1,4}$/;

export interface EntryReading {
  entries: AdminEntry[];
  problems: RuleProblem[];
}

function problem(path: string, words: MessageWords, message: string): RuleProblem {
  return { path, code: 'bad-value', message, words };
}

/** What is wrong with one entry (empty: nothing). `codes` holds the codes used before it. */
export function checkAdminEntry(
  raw: unknown,
  path: string,
  speedDial: boolean,
  codes: ReadonlySet<string> = new Set(),
): { entry?: AdminEntry; problems: RuleProblem[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      problems: [
        problem(path, { key: 'directoryProblemEntry', args: [path] }, `${path} is not an entry`),
      ],
    };
  }
  const record = raw as Record<string, unknown>;
  const problems: RuleProblem[] = [];
  const name = typeof record.name === 'string' ? record.name.replace(/\s+/g, ' ').trim() : '';
  if (name === '' || name.length > MAX_ENTRY_NAME) {
    problems.push(
      problem(
        `${path}.name`,
        { key: 'directoryProblemName', args: [String(MAX_ENTRY_NAME)] },
        `${path}: the name must be 1 to ${MAX_ENTRY_NAME} characters`,
      ),
    );
  }
  const number = typeof record.number === 'string' ? record.number.trim() : '';
  const read = readDialInput(number);
  if (read.kind !== 'number') {
    problems.push(
      problem(
        `${path}.number`,
        { key: 'directoryProblemNumber', args: [number] },
        `${path}: "${number}" is not a number, extension or routing point`,
      ),
    );
  }
  const kindText = record.kind ?? 'other';
  const kind = DESTINATION_KINDS.find((k) => k === kindText);
  if (!kind) {
    problems.push(
      problem(
        `${path}.kind`,
        { key: 'directoryProblemKind', args: [String(kindText)] },
        `${path}: the kind must be one of ${DESTINATION_KINDS.join(', ')}`,
      ),
    );
  }
  let code: string | undefined;
  if (speedDial) {
    code = typeof record.code === 'string' ? record.code.trim() : String(record.code ?? '');
    if (!CODE.test(code)) {
      problems.push(
        problem(
          `${path}.code`,
          { key: 'directoryProblemCode', args: [code] },
          `${path}: the speed-dial code must be 1 to 4 digits`,
        ),
      );
    } else if (codes.has(code)) {
      problems.push(
        problem(
          `${path}.code`,
          { key: 'directoryProblemCodeTaken', args: [code] },
          `${path}: the speed-dial code ${code} is used twice`,
        ),
      );
    }
  }
  if (problems.length > 0 || !kind) return { problems };
  return { entry: { name, number, kind, ...(code ? { code } : {}) }, problems };
}

/**
 * A list of entries: the usable ones, and what is wrong with the others (never used). At most
 * MAX_ADMIN_ENTRIES are read.
 */
export function readAdminEntries(raw: unknown, listName: string, speedDial: boolean): EntryReading {
  if (!Array.isArray(raw)) {
    return {
      entries: [],
      problems: [
        problem(
          listName,
          { key: 'directoryProblemList', args: [listName] },
          `${listName} is not a list of entries`,
        ),
      ],
    };
  }
  const entries: AdminEntry[] = [];
  const problems: RuleProblem[] = [];
  const codes = new Set<string>();
  raw.slice(0, MAX_ADMIN_ENTRIES).forEach((item: unknown, i) => {
    const checked = checkAdminEntry(item, `${listName}[${i}]`, speedDial, codes);
    problems.push(...checked.problems);
    if (!checked.entry) return;
    if (checked.entry.code) codes.add(checked.entry.code);
    entries.push(checked.entry);
  });
  return { entries, problems };
}

/** Favourites and speed dials as picker entries. */
export function adminDirectoryEntries(
  favourites: readonly AdminEntry[],
  speedDials: readonly AdminEntry[],
): DirectoryEntry[] {
  const entry = (e: AdminEntry, kind: 'favourite' | 'speed-dial'): DirectoryEntry => ({
    kind,
    name: e.name,
    number: e.number,
    destinationKind: e.kind,
    ...(kind === 'speed-dial' && e.code ? { code: e.code } : {}),
  });
  return [
    ...speedDials.map((e) => entry(e, 'speed-dial')),
    ...favourites.map((e) => entry(e, 'favourite')),
  ];
}
