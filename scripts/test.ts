// The whole test suite, in order: lint, typecheck, both builds, web-ext lint, then every
// vitest project. Ends with a plain "N passed, N failed" line: each non-vitest step counts as
// one check, vitest contributes its test counts. Exits non-zero if anything failed.
//
//   npm test                          everything
//   npm test -- --skip-e2e            no browser tests
//   npm test -- --only unit           one part (repeatable or comma-separated); `--only e2e`
//                                     also builds, since the e2e tests load the build
//   npm test -- --only unit tests/unit/parse.test.ts   extra arguments go to vitest as filters
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const VITEST_JSON = path.join('test-results', 'vitest.json');
const PROJECTS = ['unit', 'integration', 'e2e'] as const;
const STEPS = ['lint', 'typecheck', 'build', 'web-ext', ...PROJECTS] as const;
type Part = (typeof STEPS)[number];

const MINUTE = 60_000;

interface Args {
  only: Set<Part> | null;
  skipE2e: boolean;
  vitestFilters: string[];
}

function usage(exitCode: number): never {
  console.log(
    'usage: npm test -- [--skip-e2e] [--only <part>[,<part>…]]… [vitest filters…]\n' +
      `parts: ${STEPS.join(', ')}`,
  );
  process.exit(exitCode);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: null, skipE2e: false, vitestFilters: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--skip-e2e') args.skipE2e = true;
    else if (arg === '--help' || arg === '-h') usage(0);
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) usage(2);
      args.only ??= new Set();
      for (const name of value.split(',')) {
        if (!(STEPS as readonly string[]).includes(name)) {
          console.error(`unknown part "${name}"`);
          usage(2);
        }
        args.only.add(name as Part);
      }
    } else if (arg.startsWith('-')) {
      console.error(`unknown option "${arg}"`);
      usage(2);
    } else args.vitestFilters.push(arg);
  }
  return args;
}

interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  note?: string;
  skipped?: boolean;
}

let current: ReturnType<typeof spawn> | null = null;

/** Runs a shell command in its own process group with a deadline; resolves to its exit code. */
function run(command: string, timeoutMs: number): Promise<number> {
  const bin = path.join(ROOT, 'node_modules', '.bin');
  const env = {
    ...process.env,
    // The Node 22 that runs this script (from the `node` devDependency) runs the tools too.
    PATH: [bin, path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
  };
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: 'inherit', detached: true });
    current = child;
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      console.error(`\n[test] "${command}" exceeded ${timeoutMs / MINUTE} min; stopping it`);
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (current?.pid) {
      try {
        process.kill(-current.pid, signal);
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

function banner(text: string): void {
  console.log(`\n[test] ── ${text} ${'─'.repeat(Math.max(0, 70 - text.length))}`);
}

async function step(
  results: StepResult[],
  name: string,
  command: string,
  timeoutMs: number,
): Promise<boolean> {
  banner(`${name}: ${command}`);
  const start = performance.now();
  const code = await run(command, timeoutMs);
  const ms = performance.now() - start;
  results.push({ name, ok: code === 0, ms, note: code === 0 ? undefined : `exit ${code}` });
  return code === 0;
}

interface VitestJson {
  testResults?: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults?: Array<{ status: string; fullName: string }>;
  }>;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Per-project counts from vitest's JSON report; a file that failed to load counts as one failure. */
function readVitestCounts(): { byProject: Map<string, Counts>; failures: string[] } | null {
  let report: VitestJson;
  try {
    report = JSON.parse(readFileSync(path.join(ROOT, VITEST_JSON), 'utf8')) as VitestJson;
  } catch {
    return null;
  }
  const byProject = new Map<string, Counts>();
  const failures: string[] = [];
  for (const file of report.testResults ?? []) {
    const rel = path.relative(ROOT, file.name);
    const project = /^tests\/([^/]+)\//.exec(rel)?.[1] ?? 'other';
    const counts = byProject.get(project) ?? { passed: 0, failed: 0, skipped: 0 };
    byProject.set(project, counts);
    const tests = file.assertionResults ?? [];
    for (const t of tests) {
      if (t.status === 'passed') counts.passed++;
      else if (t.status === 'failed') {
        counts.failed++;
        failures.push(`${rel} › ${t.fullName}`);
      } else counts.skipped++;
    }
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) {
      counts.failed++;
      failures.push(`${rel} (file failed: ${(file.message ?? '').split('\n')[0]})`);
    }
  }
  return { byProject, failures };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const wants = (part: Part) =>
    (args.only === null || args.only.has(part)) && !(part === 'e2e' && args.skipE2e);
  const projects = PROJECTS.filter(wants);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = (name: string): string => {
    const command = pkg.scripts[name];
    if (!command) throw new Error(`package.json has no "${name}" script`);
    return command;
  };

  const results: StepResult[] = [];
  const started = performance.now();

  if (wants('lint')) await step(results, 'lint', script('lint'), 15 * MINUTE);
  if (wants('typecheck')) await step(results, 'typecheck', script('typecheck'), 15 * MINUTE);

  let chromeBuilt = true;
  let firefoxBuilt = true;
  if (wants('build') || wants('web-ext') || projects.includes('e2e')) {
    chromeBuilt = await step(results, 'build chrome-mv3', script('build'), 10 * MINUTE);
    firefoxBuilt = await step(results, 'build firefox', script('build:firefox'), 10 * MINUTE);
  }
  if (wants('web-ext')) {
    if (firefoxBuilt) await step(results, 'web-ext lint', script('lint:firefox'), 10 * MINUTE);
    else results.push({ name: 'web-ext lint', ok: true, ms: 0, skipped: true, note: 'no build' });
  }

  const testCounts: Counts = { passed: 0, failed: 0, skipped: 0 };
  let failures: string[] = [];
  const runnable = projects.filter((p) => p !== 'e2e' || (chromeBuilt && firefoxBuilt));
  if (runnable.length < projects.length) {
    results.push({ name: 'vitest e2e', ok: true, ms: 0, skipped: true, note: 'build failed' });
  }
  if (runnable.length > 0) {
    rmSync(path.join(ROOT, VITEST_JSON), { force: true });
    const command = [
      'vitest run',
      ...runnable.map((p) => `--project ${p}`),
      '--reporter=default --reporter=json',
      `--outputFile=${VITEST_JSON}`,
      ...args.vitestFilters.map((f) => JSON.stringify(f)),
    ].join(' ');
    banner(`vitest: ${command}`);
    const start = performance.now();
    const code = await run(command, 60 * MINUTE);
    const ms = performance.now() - start;
    const parsed = readVitestCounts();
    const parts: string[] = [];
    if (parsed) {
      failures = parsed.failures;
      for (const [project, c] of parsed.byProject) {
        testCounts.passed += c.passed;
        testCounts.failed += c.failed;
        testCounts.skipped += c.skipped;
        parts.push(
          `${project} ${c.passed}/${c.passed + c.failed}` +
            (c.skipped ? ` (+${c.skipped} skipped)` : ''),
        );
      }
    }
    // A non-zero exit with no failing test (unhandled error, missing report) is still a failure.
    if (code !== 0 && testCounts.failed === 0) {
      testCounts.failed += 1;
      failures.push(`vitest exited ${code}${parsed ? '' : ` without writing ${VITEST_JSON}`}`);
    }
    results.push({ name: 'vitest', ok: code === 0, ms, note: parts.join(' · ') || `exit ${code}` });
  }

  const checks = results.filter((r) => r.name !== 'vitest' && !r.skipped);
  const passed = checks.filter((r) => r.ok).length + testCounts.passed;
  const failed = checks.filter((r) => !r.ok).length + testCounts.failed;
  const skipped = testCounts.skipped + results.filter((r) => r.skipped).length;

  banner('summary');
  for (const r of results) {
    const mark = r.skipped ? 'SKIP' : r.ok ? 'ok  ' : 'FAIL';
    console.log(`  ${mark} ${r.name.padEnd(18)} ${seconds(r.ms).padStart(9)}  ${r.note ?? ''}`);
  }
  console.log(`  total ${seconds(performance.now() - started)}`);
  if (failures.length > 0) {
    console.log('\n  failed:');
    for (const f of failures.slice(0, 40)) console.log(`    ${f}`);
    if (failures.length > 40) console.log(`    … and ${failures.length - 40} more`);
  }
  console.log('');
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
