/**
 * Benchmark entry point.
 *
 *   npm run bench                      the quick benchmarks
 *   npm run bench -- <name> [options]  one benchmark by name, e.g. `soak --idle-minutes 1`
 */
import { runSoak, SOAK_USAGE } from './soak.ts';
import { CALL_LOAD_USAGE, runCallLoad } from './call-load.ts';
import { runOverlayBench, OVERLAY_USAGE } from './overlay/overlay-bench.ts';
import { runPhonesBench, PHONES_USAGE } from './phones/phones-bench.ts';
import { DETECTOR_USAGE, runDetectorBench } from './phones/detector-bench.ts';
import { DETECTION_USAGE, runDetectionBench } from './overlay/detection-bench.ts';
import { OVERLAY_PROFILE_USAGE, runOverlayProfile } from './overlay/overlay-profile.ts';

interface Benchmark {
  about: string;
  usage: string;
  /** Quick ones run when no name is given. */
  quick: boolean;
  run(argv: string[]): Promise<number>;
}

const BENCHMARKS: Record<string, Benchmark> = {
  overlay: {
    about:
      'CRM overlay in Chromium on 1k/5k/20k-row pages and 21 frames: scaling, main-thread time, long tasks, heap',
    usage: OVERLAY_USAGE,
    quick: true,
    run: runOverlayBench,
  },
  'overlay-profile': {
    about:
      "where the overlay's main-thread time goes on one page: a CPU profile, summed by function",
    usage: OVERLAY_PROFILE_USAGE,
    quick: false,
    run: runOverlayProfile,
  },
  detection: {
    about:
      "the background's detection service under a 5,000-row page: worker time, cache, call-event delay",
    usage: DETECTION_USAGE,
    quick: true,
    run: runDetectionBench,
  },
  'call-load': {
    about: 'Background heap in Chromium while calls ring and end fast, then idle (~2 min)',
    usage: CALL_LOAD_USAGE,
    quick: false,
    run: runCallLoad,
  },
  phones: {
    about:
      'phone-number detection accuracy per origin, tuned and held-out, beside libphonenumber-js',
    usage: PHONES_USAGE,
    quick: true,
    run: runPhonesBench,
  },
  detector: {
    about: 'the detector on 1k/5k/20k-row pages: libphonenumber-js as shipped vs its patterns kept',
    usage: DETECTOR_USAGE,
    quick: true,
    run: runDetectorBench,
  },
  soak: {
    about: 'MV3 worker + long poll through a long idle stretch, then an inbound call (~11 min)',
    usage: SOAK_USAGE,
    quick: false,
    run: runSoak,
  },
};

function describeAll(): string {
  return Object.entries(BENCHMARKS)
    .map(
      ([name, b]) =>
        `  ${name.padEnd(8)} ${b.about}${b.quick ? '' : ' [not quick]'}\n           ${b.usage}`,
    )
    .join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    const quick = Object.entries(BENCHMARKS).filter(([, b]) => b.quick);
    let code = 0;
    for (const [quickName, b] of quick) {
      console.log(`== ${quickName}`);
      code = Math.max(code, await b.run([]));
    }
    if (quick.length === 0) console.log('No quick benchmarks yet.');
    console.log(`\nLonger benchmarks are run by name:\n${describeAll()}`);
    return code;
  }
  const benchmark = BENCHMARKS[name];
  if (!benchmark) {
    console.error(`Unknown benchmark "${name}". Available:\n${describeAll()}`);
    return 2;
  }
  return benchmark.run(rest);
}

// Exit explicitly: a closed simulator can leave a long-poll hold timer running for up to H
// seconds, which would keep the process alive after the results are written.
process.exit(await main(process.argv.slice(2)));
