/**
 * The background's detector alone, in Node: what detecting a generated CRM page costs the
 * detection service (lib/phone/detection-service.ts, with its result cache, as the worker runs
 * it), with libphonenumber-js as npm ships it (a new RegExp for every pattern check) and as the
 * extension's build has it (compiled patterns kept, build/libphonenumber-patterns.ts), both in
 * this run. Node loads the detector twice for that: once as built (bench/support/
 * library-patterns.ts, loaded by `npm run bench`), once with `?as-shipped`.
 *
 * Per page (1,000, 5,000 and 20,000 rows by default; what the page sends: a row's texts joined
 * as one item, with the row as its record), the two are run alternately, each round with a fresh service and
 * detector (empty caches; the compiled patterns of the build stay, as in a worker that has
 * read a page before). Times are the process's CPU time (the machine is shared: wall time
 * would count other processes), medians of the rounds; the ratio is of medians in this run.
 * Both must find the same numbers, on the pages and on the accuracy corpus (exit 1 if not).
 */
import maxMetadata from 'libphonenumber-js/max/metadata';
import type { PageDetectedNumber, PageDetectItem } from '../../lib/messaging/page-messages.ts';
import { hasEnoughDigits } from '../../lib/overlay/scan-filter.ts';
import { compiledPatternCount } from '../../lib/phone/matches-entirely.ts';
import { generateRows, rowTexts } from '../overlay/generate-page.ts';
import { buildCorpus } from './corpus/corpus.ts';
import { distribution, textTable } from '../support/stats.ts';
import { AS_SHIPPED } from '../support/library-patterns.ts';

export const DETECTOR_USAGE = '[--rows 1000,5000,20000] [--rounds 3]';

type DetectCore = typeof import('../../lib/phone/detect-core.ts');
type ServiceModule = typeof import('../../lib/phone/detection-service.ts');

interface Variant {
  name: string;
  core: DetectCore;
  service: ServiceModule;
}

async function loadVariants(): Promise<Variant[]> {
  const asShipped = `?${AS_SHIPPED}`;
  return [
    {
      name: 'as shipped',
      core: (await import(`../../lib/phone/detect-core.ts${asShipped}`)) as DetectCore,
      service: (await import(`../../lib/phone/detection-service.ts${asShipped}`)) as ServiceModule,
    },
    {
      name: 'patterns kept',
      core: await import('../../lib/phone/detect-core.ts'),
      service: await import('../../lib/phone/detection-service.ts'),
    },
  ];
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

/**
 * What a page of `rows` rows sends: per row, the texts the page's pre-scan passes joined by line
 * breaks, as one item with the row as its record (lib/overlay/joint-detection.ts).
 */
function pageItems(rows: number): PageDetectItem[] {
  return generateRows(rows, 7).map((row) => {
    const cells = rowTexts(row);
    const text = cells.filter((cell) => hasEnoughDigits(cell)).join('\n');
    return { text, context: cells.join('\t') };
  });
}

/** The items through a fresh service, in the page's batches of 200: CPU ms and the numbers. */
async function detectPage(variant: Variant, items: PageDetectItem[]) {
  const detector = variant.core.createDetector(maxMetadata);
  const service = new variant.service.DetectionService({
    find: detector.find,
    regions: detector.regions,
    yieldThen: queueMicrotask,
  });
  const cpu = process.cpuUsage();
  const batches: Array<Promise<PageDetectedNumber[][]>> = [];
  for (let i = 0; i < items.length; i += 200)
    batches.push(service.detect(items.slice(i, i + 200), { region: 'US' }));
  const results = (await Promise.all(batches)).flat();
  const used = process.cpuUsage(cpu);
  const numbers = results.map((r) => r.map((n) => `${n.start}-${n.end}:${n.e164}`).join());
  return { cpuMs: (used.user + used.system) / 1000, numbers, found: results.flat().length };
}

/** Every corpus case through each variant's detector: the same numbers, or the differences. */
function corpusDifferences(variants: Variant[]): string[] {
  const { cases } = buildCorpus();
  const finders = variants.map((v) => v.core.createPhoneFinder(maxMetadata));
  const differences: string[] = [];
  for (const c of cases) {
    const options = c.lang ? { lang: c.lang } : undefined;
    const [first, ...rest] = finders.map((find) => JSON.stringify(find(c.text, c.region, options)));
    if (rest.some((r) => r !== first)) differences.push(c.id);
  }
  return differences;
}

export async function runDetectorBench(argv: string[]): Promise<number> {
  const sizes = (option(argv, 'rows') ?? '1000,5000,20000').split(',').map(Number);
  const rounds = Number(option(argv, 'rounds') ?? 3);
  const variants = await loadVariants();
  const [shipped, kept] = variants as [Variant, Variant];
  const table = [
    [
      'page',
      'items',
      'numbers',
      `${shipped.name} (CPU)`,
      `${kept.name} (CPU)`,
      'µs an item',
      'ratio',
    ],
  ];
  let same = true;
  for (const rows of sizes) {
    const items = pageItems(rows);
    const times = new Map<Variant, number[]>(variants.map((v) => [v, []]));
    let found = 0;
    for (let round = 0; round < rounds; round++) {
      const answers: string[] = [];
      for (const variant of variants) {
        const run = await detectPage(variant, items);
        times.get(variant)!.push(run.cpuMs);
        answers.push(run.numbers.join('|'));
        found = run.found;
      }
      same &&= answers.every((a) => a === answers[0]);
    }
    const before = distribution(times.get(shipped)!).median;
    const after = distribution(times.get(kept)!).median;
    table.push([
      `${rows.toLocaleString('en')} rows`,
      `${items.length}`,
      `${found}`,
      `${before.toFixed(0)} ms`,
      `${after.toFixed(0)} ms`,
      `${((after * 1000) / items.length).toFixed(1)}`,
      `${(before / after).toFixed(2)}×`,
    ]);
  }
  console.log(
    `detection service + detector, medians of ${rounds} rounds (ratio: as shipped / kept)`,
  );
  console.log(textTable(table));
  const differences = corpusDifferences(variants);
  console.log(
    `compiled patterns kept: ${compiledPatternCount()}` +
      (compiledPatternCount() === 0
        ? " (NOT the build's library: run through `npm run bench`)"
        : ''),
  );
  console.log(same ? 'pages: the same numbers found both ways' : 'pages: DIFFERENT numbers found');
  console.log(
    differences.length === 0
      ? 'accuracy corpus: the same numbers found both ways'
      : `accuracy corpus: DIFFERENT numbers in ${differences.join(', ')}`,
  );
  return same && differences.length === 0 && compiledPatternCount() > 0 ? 0 : 1;
}
