/**
 * The detector's validity check, micro-benchmarked: the 5,000-row overlay page's texts (each
 * with its row as the record) through the detector with libphonenumber's own `isValid()`,
 * which builds a RegExp from the pattern's source on every call, and with the cached
 * validator (lib/phone/valid-number.ts), alternately, fresh finders each round (their parse
 * memos start empty alike). Node only; reports the ratio of medians measured in this run.
 */
import maxMetadata from 'libphonenumber-js/max/metadata';
import { createPhoneFinder, type PhoneFinder } from '../../lib/phone/detect-core.ts';
import { generateRows, rowTexts } from '../overlay/generate-page.ts';
import { distribution } from '../support/stats.ts';

export const DETECTOR_USAGE = '[--rows N] [--rounds N]';

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export async function runDetectorBench(argv: string[]): Promise<number> {
  const rows = generateRows(option(argv, 'rows', 5000), 7);
  const rounds = option(argv, 'rounds', 5);
  const items = rows.flatMap((row) => {
    const cells = rowTexts(row);
    const context = cells.join('\t');
    return cells.map((text) => ({ text, context }));
  });
  const run = (find: PhoneFinder) => {
    const start = performance.now();
    let found = 0;
    const numbers: string[] = [];
    for (const { text, context } of items) {
      for (const m of find(text, 'US', { context })) {
        found++;
        numbers.push(m.e164);
      }
    }
    return { ms: performance.now() - start, found, numbers };
  };
  const library: number[] = [];
  const cached: number[] = [];
  let same = true;
  for (let round = 0; round < rounds; round++) {
    const a = run(createPhoneFinder(maxMetadata, (parsed) => parsed.isValid()));
    const b = run(createPhoneFinder(maxMetadata));
    library.push(a.ms);
    cached.push(b.ms);
    same &&= a.numbers.join() === b.numbers.join();
  }
  const lib = distribution(library).median;
  const ours = distribution(cached).median;
  console.log(`${items.length} texts of ${rows.length} rows, ${rounds} rounds each, medians:`);
  console.log(`  detector with libphonenumber's isValid():   ${lib.toFixed(0)} ms`);
  console.log(`  detector with compiled patterns kept:       ${ours.toFixed(0)} ms`);
  console.log(`  ratio (library / cached): ${(lib / ours).toFixed(2)}×`);
  console.log(same ? 'same numbers found both ways' : 'DIFFERENT numbers found');
  return same ? 0 : 1;
}
