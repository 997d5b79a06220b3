/**
 * The directory's type-to-filter: names without case or accents, numbers by their digits,
 * speed-dial codes exactly; groups in a fixed order, best first inside each, bounded; cost
 * linear in the entries whatever is typed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_GROUP_LIMIT,
  foldText,
  matchRank,
  searchDirectory,
} from '../../lib/directory/search.ts';
import type { DirectoryEntry } from '../../lib/directory/types.ts';

const entry = (
  kind: DirectoryEntry['kind'],
  name: string,
  number: string,
  extra: Partial<DirectoryEntry> = {},
): DirectoryEntry => ({ kind, name, number, destinationKind: 'other', ...extra });

const ENTRIES: DirectoryEntry[] = [
  entry('agent', 'Ben Okafor', '7002', { destinationKind: 'agent' }),
  entry('favourite', 'Billing queue', '5000', { destinationKind: 'queue' }),
  entry('agent', 'Chloé Martin', '7003'),
  entry('speed-dial', 'Night desk', '+44 20 7183 8750', { code: '1' }),
  entry('recent', '7002', '7002'),
  entry('agent', 'Anna Kowalski', '7001'),
  entry('favourite', 'Robin Benson', '+1 415 555 0100'),
];

const names = (typed: string, kinds?: DirectoryEntry['kind'][]) =>
  searchDirectory(ENTRIES, typed, kinds ? { kinds } : {}).map((m) => m.entry.name);

describe('directory search', () => {
  it('folds case and accents', () => {
    expect(foldText('  Chloé   MARTÍN ')).toBe('chloe martin');
    expect(names('chloe')).toEqual(['Chloé Martin']);
    expect(names('CHLOÉ')).toEqual(['Chloé Martin']);
  });

  it('ranks a name start before a word start before a name inside, per group', () => {
    // "ben": Ben Okafor starts with it, Robin Benson has a word starting with it.
    expect(matchRank(ENTRIES[0]!, 'ben')).toBeLessThan(matchRank(ENTRIES[6]!, 'ben')!);
    expect(matchRank(entry('agent', 'Reuben Smith', '1'), 'ben')).toBeGreaterThan(
      matchRank(ENTRIES[6]!, 'ben')!,
    );
    // Groups keep their order (favourites before agents), best first inside each.
    expect(names('b')).toEqual(['Billing queue', 'Robin Benson', 'Ben Okafor']);
  });

  it('finds numbers and DNs by their digits, whatever the formatting', () => {
    expect(names('700')).toEqual(['7002', 'Ben Okafor', 'Chloé Martin', 'Anna Kowalski']);
    expect(names('(415) 555')).toEqual(['Robin Benson']);
    expect(names('7183')).toEqual(['Night desk']);
    // Digits inside words are not a number search.
    expect(names('agent 7002')).toEqual([]);
  });

  it('takes a speed-dial code exactly, and only a speed dial has one', () => {
    const found = searchDirectory(ENTRIES, '1');
    expect(found[0]).toMatchObject({ entry: { name: 'Night desk' }, rank: 0 });
    expect(searchDirectory(ENTRIES, '11').some((m) => m.rank === 0)).toBe(false);
  });

  it('needs every word typed, in any order', () => {
    expect(names('okafor ben')).toEqual(['Ben Okafor']);
    expect(names('ben smith')).toEqual([]);
  });

  it('lists every group when nothing is typed, and only the kinds asked for', () => {
    expect(names('')).toEqual([
      'Night desk',
      'Billing queue',
      'Robin Benson',
      '7002',
      'Ben Okafor',
      'Chloé Martin',
      'Anna Kowalski',
    ]);
    expect(names('', ['agent'])).toEqual(['Ben Okafor', 'Chloé Martin', 'Anna Kowalski']);
  });

  it('shows at most the group limit per group', () => {
    const many = Array.from({ length: 50 }, (_, i) => entry('agent', `Agent ${i}`, `${8000 + i}`));
    const found = searchDirectory(many, 'agent');
    expect(found).toHaveLength(DEFAULT_GROUP_LIMIT);
    expect(searchDirectory(many, '80', { limitPerGroup: 3 })).toHaveLength(3);
  });

  it('never throws and returns only entries it was given, for any typed text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (typed) => {
        const found = searchDirectory(ENTRIES, typed);
        for (const m of found) expect(ENTRIES).toContain(m.entry);
      }),
    );
  });

  it('searches a very long query as its first 64 characters', () => {
    // Each entry costs one fold and substring tests on bounded strings; a pasted essay is
    // cut first, so it cannot multiply that work.
    const long = entry('agent', `${'a'.repeat(64)} Long`, '1');
    const all = [long, entry('agent', 'a', '2')];
    expect(searchDirectory(all, `${'a'.repeat(64)}zzzz`).map((m) => m.entry)).toEqual([long]);
    expect(searchDirectory(all, 'a'.repeat(10_000)).map((m) => m.entry)).toEqual([long]);
  });
});
