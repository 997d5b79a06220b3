/**
 * Phone-number detection accuracy on the evaluation corpus (bench/phones/corpus), per origin,
 * for the tuned and the held-out half, beside bare libphonenumber-js on the same cases.
 */
import { findNumbers, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import minMetadata from 'libphonenumber-js/min/metadata';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { createPhoneFinder, type PhoneFinder } from '../../lib/phone/detect-core.ts';
import { buildCorpus, isHeldOut, type CorpusCase } from './corpus/corpus.ts';
import { score, type Finder, type Miss, type Score } from './score.ts';

export const PHONES_USAGE =
  "[--misses]  (prints the tuned half's misses; the held-out half only as totals)";

function ours(find: PhoneFinder): Finder {
  return (c) =>
    find(c.text, c.region, c.lang ? { lang: c.lang } : undefined).map((m) => ({
      start: m.start,
      end: m.end,
      e164: m.e164,
    }));
}

/** libphonenumber-js's own text search (findPhoneNumbersInText is the same search). */
function bare(metadata: MetadataJson): Finder {
  return (c) =>
    findNumbers(
      c.text,
      { defaultCountry: c.region as CountryCode | undefined, v2: true },
      metadata,
    ).map((m) => ({ start: m.startsAt, end: m.endsAt, e164: m.number.number }));
}

const FINDERS: Array<[string, Finder]> = [
  // findPhoneNumbers is what the background's detection service runs for every page.
  ['ours (max)', ours(findPhoneNumbers)],
  ['ours (min)', ours(createPhoneFinder(minMetadata))],
  ['libphonenumber-js min', bare(minMetadata)],
  ['libphonenumber-js max', bare(maxMetadata)],
];

const cell = (s: Score) => `${s.precision.toFixed(3)}/${s.recall.toFixed(3)}`.padEnd(13);

function table(title: string, cases: CorpusCase[]): void {
  const origins = [...new Set(cases.map((c) => c.origin))].sort();
  console.log(
    `\n${title}: ${cases.length} cases, ${cases.reduce((n, c) => n + c.expected.length, 0)} numbers; precision/recall`,
  );
  console.log(
    `${'origin'.padEnd(54)}${'cases'.padEnd(7)}${FINDERS.map(([n]) => n.padEnd(13)).join(' ')}`,
  );
  const row = (name: string, set: CorpusCase[]) =>
    console.log(
      `${name.padEnd(54)}${String(set.length).padEnd(7)}${FINDERS.map(([, f]) => cell(score(set, f))).join(' ')}`,
    );
  for (const origin of origins)
    row(
      origin,
      cases.filter((c) => c.origin === origin),
    );
  row(
    'CRM records: other countries (all contexts)',
    cases.filter((c) => c.origin.startsWith('CRM records: other')),
  );
  row(
    "general text (all but other countries' records)",
    cases.filter((c) => !c.origin.startsWith('CRM records: other')),
  );
  row('all', cases);
}

export async function runPhonesBench(argv: string[]): Promise<number> {
  const { cases, dropped } = buildCorpus();
  console.log(
    `corpus: ${cases.length} cases; hand-written numbers the real plan rejects (left out): ${dropped.length ? dropped.join(', ') : 'none'}`,
  );
  const tuned = cases.filter((c) => !isHeldOut(c));
  const heldOut = cases.filter(isHeldOut);
  table('tuned half', tuned);
  table('held-out half', heldOut);
  if (argv.includes('--misses')) {
    const misses: Miss[] = [];
    score(tuned, FINDERS[0]![1], misses);
    console.log(`\ntuned half, ours (min): ${misses.length} cases with a miss or an extra`);
    for (const m of misses)
      console.log(
        `- ${m.id}: ${JSON.stringify(m.text)}\n    missed ${JSON.stringify(m.missed)} extra ${JSON.stringify(m.extra)}`,
      );
  }
  return 0;
}
