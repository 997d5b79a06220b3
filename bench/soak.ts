/**
 * Soak: does the MV3 service worker keep its CometD long poll alive through a long idle
 * stretch, with no debugger attached, and does an inbound call then reach the extension?
 *
 * Per hold time H (all lanes run at once, each with its own simulator, proxy and browser):
 * sign in through the popup's runtime messages, detach every CDP client, leave the browser
 * alone for --idle-minutes, ring the agent, let the extension pick the call up on its own,
 * then look at its state and diagnostics. The proxy log gives the poll timeline.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startSimulator } from '../sim/index.ts';
import { SimControl, waitFor } from '../tests/support/sim.ts';
import { REPO_ROOT } from '../tests/support/browsers.ts';
import { extensionCommands, sendRuntimeMessage } from '../tests/support/extension-commands.ts';
import type { DiagnosticsDump } from '../lib/diagnostics/diagnostics-log.ts';
import { launchDetachedChromium, type DetachedChromium } from './support/detached-chromium.ts';
import { startLoggingProxy, type PollRecord, type RestRecord } from './support/logging-proxy.ts';
import { distribution, gaps, textTable } from './support/stats.ts';

const AGENT = 'agent1';
const CALLER = '+14155550132';
/** Generous for a sign-in on a 2-core machine running two browsers. */
const CONNECT_TIMEOUT_MS = 20_000;
/** A worker that died is woken by the 30 s watchdog alarm; allow one period and margin. */
const PICKUP_TIMEOUT_MS = 40_000;
const LATE_GAP_MARGIN_MS = 2_000;
const SETTLE_MS = 3_000;

type Commands = ReturnType<typeof extensionCommands>;

/** Attaches over CDP, runs `use` in a popup tab, then closes the tab and detaches again. */
export async function withPopup<T>(
  chromium: DetachedChromium,
  use: (commands: Commands, browserVersion: string) => Promise<T>,
): Promise<T> {
  const browser = await chromium.connect();
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('connected browser has no default context');
    const page = await context.newPage();
    try {
      await page.goto(chromium.url('popup.html'));
      return await use(
        extensionCommands((message) => page.evaluate(sendRuntimeMessage, message)),
        browser.version(),
      );
    } finally {
      await page.close();
    }
  } finally {
    await browser.close(); // connected over CDP: this only disconnects
  }
}

/** The first sign that the extension fetched the call: a poll answer carrying an event, or a
 * REST read of the agent's state (a recovery). */
function pickupTime(polls: PollRecord[], rest: RestRecord[], since: number): number | undefined {
  const delivered = polls.find(
    (p) =>
      p.answeredAt !== undefined &&
      p.answeredAt >= since &&
      (p.answerChannels ?? []).some((c) => !c.startsWith('/meta/')),
  );
  const read = rest.find((r) => r.at >= since && r.path.startsWith('/api/v2/me'));
  const times = [delivered?.answeredAt, read?.at].filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

function analysePolls(holdMs: number, polls: PollRecord[], endedAt: number) {
  const seen = polls.filter((p) => p.arrivedAt < endedAt);
  const connects = seen.filter((p) => p.channels.includes('/meta/connect')).map((p) => p.arrivedAt);
  const connectGaps = gaps(connects);
  const gapStats = distribution(connectGaps);
  return {
    polls: connects.length,
    gapsMs: gapStats,
    maxGapOverHold: gapStats.max / holdMs,
    gapsOverHoldPlus2s: connectGaps.filter((g) => g > holdMs + LATE_GAP_MARGIN_MS).length,
    reHandshakes: Math.max(
      0,
      seen.filter((p) => p.channels.includes('/meta/handshake')).length - 1,
    ),
    abortedPolls: seen.filter((p) => p.abortedAt !== undefined && p.abortedAt < endedAt).length,
    unknownClientReplies: seen.filter((p) => p.answerErrors?.some((e) => e.startsWith('402')))
      .length,
  };
}

function analyseDiagnostics(dump: DiagnosticsDump) {
  const session = dump.entries.session.map((e) => e.summary);
  const restarts = session.filter((s) => s === 'resume after restart').length;
  return {
    workerRestarts: restarts,
    /** The login entry is still in this worker's (in-memory) log: it never restarted.
     * Unknown (null) once the bounded log has dropped entries. */
    sameWorkerSinceLogin:
      dump.dropped.session > 0
        ? null
        : restarts === 0 && session.some((s) => s.startsWith('login ')),
    handshakesSeenByWorker: dump.entries.meta.filter((e) => e.summary.startsWith('/meta/handshake'))
      .length,
    recoveriesAfterGap: session.filter((s) => s === 'recovering after a gap').length,
    sessionLog: session,
  };
}

async function runLane(holdMs: number, idleMs: number, signal: AbortSignal) {
  const tag = `[H=${holdMs / 1000}s]`;
  let simAddress = '';
  const proxy = await startLoggingProxy(() => simAddress);
  const sim = await startSimulator({
    port: 0,
    longPollTimeoutMs: holdMs,
    maxIntervalMs: 15_000,
    // Absolute URIs in GWS answers then point at the proxy too.
    publicBaseUrl: proxy.url,
  });
  simAddress = `http://127.0.0.1:${sim.port}`;
  const control = new SimControl(simAddress);
  let chromium: DetachedChromium | undefined;
  try {
    chromium = await launchDetachedChromium(`soak-${holdMs / 1000}s`);
    const browser = chromium;
    const browserVersion = await withPopup(browser, async ({ login, until }, version) => {
      await login(proxy.url, AGENT);
      await until((v) => v.calls.connection.kind === 'connected', 'connected', CONNECT_TIMEOUT_MS);
      return version;
    });
    // Nothing may stay attached: a debugger keeps the worker alive.
    const detached = await waitFor(
      async () => (await browser.targets()).every((t) => !t.attached) && browser.running,
      { timeoutMs: 5_000, message: 'every CDP client to detach' },
    ).catch(() => false);
    const targets = await browser.targets();
    if (!detached || !targets.some((t) => t.type === 'service_worker')) {
      throw new Error(`${tag} not cleanly detached: ${JSON.stringify(targets)}`);
    }
    const idleFrom = Date.now();
    console.log(
      `${tag} connected, detached (${targets.length} targets, none attached, worker running); ` +
        `idle until ${new Date(idleFrom + idleMs).toISOString()}`,
    );
    await sleep(idleMs, undefined, { signal });

    const publishSentAt = Date.now();
    const { callId } = await control.call({ to: AGENT, from: CALLER, callType: 'Inbound' });
    const publishAnsweredAt = Date.now();
    // Left alone, as in real use: the held poll delivers it, or a woken worker recovers it.
    const pickedUpAt = await waitFor(() => pickupTime(proxy.polls, proxy.rest, publishSentAt), {
      timeoutMs: PICKUP_TIMEOUT_MS,
      intervalMs: 50,
      message: 'the extension to fetch the call',
    }).catch(() => undefined);
    // The worker stamps firstSeenAt itself; waiting here only keeps the read from racing
    // the worker's handling of the event it has just received.
    if (pickedUpAt !== undefined) await sleep(SETTLE_MS);

    const readStartedAt = Date.now();
    const { record, dump } = await withPopup(browser, async ({ until, command }) => {
      const view = await until(
        (v) => v.calls.calls.some((r) => r.call.id === callId),
        'the call in the extension state',
        15_000,
      ).catch(() => undefined);
      const found = view?.calls.calls.find((r) => r.call.id === callId);
      return { record: found, dump: await command<DiagnosticsDump>('diagnostics.export') };
    });
    const endedAt = Date.now();
    const firstSeenAt = record?.firstSeenAt;
    const publish = {
      callId,
      publishSentAt,
      publishAnsweredAt,
      pickedUpAt,
      readStartedAt,
      firstSeenAt,
      publishToWireMs: pickedUpAt === undefined ? undefined : pickedUpAt - publishSentAt,
      publishToStateMs: firstSeenAt === undefined ? undefined : firstSeenAt - publishSentAt,
      // The extension fetched the call before the benchmark touched the browser again; a call
      // found only after the benchmark's own message woke the worker does not count.
      reachedOnItsOwn:
        firstSeenAt !== undefined && pickedUpAt !== undefined && pickedUpAt < readStartedAt,
    };
    console.log(
      `${tag} call ${publish.reachedOnItsOwn ? 'reached' : 'DID NOT reach'} the extension`,
    );
    return {
      holdMs,
      idleMs,
      browserVersion,
      extensionId: browser.extensionId,
      idleFrom,
      targetsAfterDetach: targets.map(({ type, url, attached }) => ({ type, url, attached })),
      publish,
      endedAt,
      ...analysePolls(holdMs, proxy.polls, endedAt),
      worker: analyseDiagnostics(dump),
      proxyLog: { polls: proxy.polls, rest: proxy.rest },
    };
  } finally {
    await chromium?.kill();
    await proxy.close();
    await sim.close();
  }
}

type LaneResult = Awaited<ReturnType<typeof runLane>>;

function summaryTable(lanes: LaneResult[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return textTable([
    [
      'H',
      'polls',
      'max gap s (gap/H)',
      'gaps > H+2 s',
      're-handshakes',
      'aborted polls',
      'worker restarts',
      'publish→state ms',
    ],
    ...lanes.map((l) => [
      `${l.holdMs / 1000} s`,
      String(l.polls),
      `${seconds(l.gapsMs.max)} (${l.maxGapOverHold.toFixed(2)})`,
      String(l.gapsOverHoldPlus2s),
      String(l.reHandshakes),
      String(l.abortedPolls),
      String(l.worker.workerRestarts),
      l.publish.publishToStateMs === undefined
        ? 'never'
        : `${l.publish.publishToStateMs}${l.publish.reachedOnItsOwn ? '' : ' (on read)'}`,
    ]),
  ]);
}

export const SOAK_USAGE =
  'npm run bench -- soak [--idle-minutes N (default 10)] [--holds 30,45 (seconds)]';

/** Runs the soak; resolves to the process exit code. */
export async function runSoak(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'idle-minutes': { type: 'string', default: '10' },
      holds: { type: 'string', default: '30,45' },
    },
  });
  const idleMinutes = Number(values['idle-minutes']);
  const holdsMs = values.holds.split(',').map((s) => Number(s) * 1000);
  if (!(idleMinutes >= 0 && idleMinutes <= 120) || holdsMs.some((h) => !(h > 0))) {
    console.error(`usage: ${SOAK_USAGE}`);
    return 2;
  }
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  const startedAt = new Date();
  console.log(
    `soak: holds ${values.holds} s, idle ${idleMinutes} min, started ${startedAt.toISOString()}`,
  );
  const settled = await Promise.allSettled(
    holdsMs.map((h) => runLane(h, idleMinutes * 60_000, stop.signal)),
  );
  process.off('SIGINT', onInterrupt);

  const lanes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failures = settled.flatMap((s, i) =>
    s.status === 'rejected' ? [{ holdMs: holdsMs[i], error: String(s.reason) }] : [],
  );
  const file = path.join(
    REPO_ROOT,
    'bench',
    'results',
    `soak-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    JSON.stringify({ benchmark: 'soak', startedAt, idleMinutes, lanes, failures }, null, 2),
  );

  console.log(`\n${summaryTable(lanes)}`);
  for (const f of failures) console.log(`H=${(f.holdMs ?? 0) / 1000}s FAILED: ${f.error}`);
  console.log(`\nfull results: ${path.relative(process.cwd(), file)}`);
  const allReached = lanes.every((l) => l.publish.reachedOnItsOwn);
  return failures.length === 0 && allReached ? 0 : 1;
}
