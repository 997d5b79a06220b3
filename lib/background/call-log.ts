import browser from 'webextension-polyfill';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { backoffDelay } from '../gws/backoff.ts';
import {
  CALL_LOG_OUTBOX_KEY,
  MAX_ATTEMPTS,
  decodeOutbox,
  enqueueRecord,
  markFailed,
  markSent,
  type CallLogOutbox,
} from '../history/call-log-outbox.ts';
import type { HistoryEntry } from '../history/history-entry.ts';
import { parseTemplate, renderTemplate } from '../screen-pop/template.ts';
import { absoluteTemplate, checkPopUrl, templateOriginProblem } from '../screen-pop/url-safety.ts';
import { loadScreenPopSettingsInForce } from '../settings/managed-screen-pop.ts';
import { loadWrapUpSettingsInForce } from '../settings/wrap-up-settings.ts';

/** Retries: 2 s, 4 s, 8 s … at most 5 minutes apart. */
const RETRY = { initialMs: 2_000, maxMs: 300_000, multiplier: 2, jitter: 0.3 };
const POST_TIMEOUT_MS = 15_000;

export interface CallLogOptions {
  diagnostics: () => Pick<DiagnosticsLog, 'record'>;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The optional call-log hook: after wrap-up, the call record is POSTed as JSON to the URL the
 * administrator's template gives (same template engine and URL checks as screen-pop). The
 * outbox lives in `storage.local`, so retries (with backoff) survive a worker restart, and a
 * delivered call id is remembered so no call is ever logged twice. A POST cut off by a
 * worker stop may have reached the server before it died; it is sent again with the same
 * `Idempotency-Key` header (the call id), for the receiver to recognise.
 */
export class CallLog {
  private readonly options: CallLogOptions;
  private readonly now: () => number;
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: CallLogOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Picks up what a previous worker left in the outbox. */
  start(): void {
    this.enqueue(() => this.pump());
  }

  /** Logs one finished call (once, whatever happens). */
  send(entry: HistoryEntry, agent: string): Promise<void> {
    this.enqueue(async () => {
      const settings = await loadWrapUpSettingsInForce();
      if (!settings.callLogUrl) return;
      const { pop, ...record } = entry;
      const body = { ...record, agent, dnis: pop.dnis, ani: pop.ani };
      await this.save(enqueueRecord(await this.load(), entry.callId, body, this.now()));
      await this.pump();
    });
    return this.queue;
  }

  /** Resolves when everything queued so far is done (tests, diagnostics). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async pump(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    let outbox = await this.load();
    const settings = await loadWrapUpSettingsInForce();
    for (const item of outbox.items) {
      if (item.nextAt > this.now()) continue;
      const error = settings.callLogUrl
        ? await this.post(settings.callLogUrl, item.callId, item.record)
        : 'no call-log URL is set';
      if (error === undefined) {
        outbox = markSent(outbox, item.callId);
        this.options.diagnostics().record('session', 'call logged', { callId: item.callId });
      } else {
        const attempt = item.attempts + 1;
        outbox = markFailed(outbox, item.callId, error, this.now() + backoffDelay(attempt, RETRY));
        const final = attempt >= MAX_ATTEMPTS;
        this.options
          .diagnostics()
          .record('error', final ? 'call log given up' : 'call log POST failed', {
            callId: item.callId,
            attempt,
            error,
          });
      }
      await this.save(outbox);
    }
    const next = Math.min(...outbox.items.map((i) => i.nextAt));
    if (Number.isFinite(next)) {
      this.timer = setTimeout(
        () => this.enqueue(() => this.pump()),
        Math.max(0, next - this.now()),
      );
    }
  }

  /** One POST; the error in words, or undefined when the server took it (2xx). */
  private async post(
    template: string,
    callId: string,
    record: Record<string, unknown>,
  ): Promise<string | undefined> {
    const url = await this.url(template, record);
    if (!url.ok) return url.reason;
    try {
      const response = await (this.options.fetch ?? fetch)(url.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': callId },
        body: JSON.stringify(record),
        credentials: 'omit',
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return String(error);
    }
  }

  /** The template filled from the record; scheme and host never come from call data. */
  private async url(
    template: string,
    record: Record<string, unknown>,
  ): Promise<{ ok: true; url: string } | { ok: false; reason: string }> {
    const { crmBaseUrl } = await loadScreenPopSettingsInForce();
    const absolute = crmBaseUrl ? absoluteTemplate(template, crmBaseUrl) : template;
    const unsafe = templateOriginProblem(absolute);
    if (unsafe) return { ok: false, reason: unsafe.message };
    const parsed = parseTemplate(absolute);
    if (parsed.problems.length > 0) return { ok: false, reason: parsed.problems[0]!.message };
    const text = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined);
    const userData = (record.userData ?? {}) as Record<string, unknown>;
    const rendered = renderTemplate(parsed.parts, {
      call: {
        id: String(record.callId),
        state: 'Released',
        callType: String(record.callType),
        direction: record.direction === 'outgoing' ? 'outgoing' : 'incoming',
        userData,
        ...(text('ani') ? { ani: text('ani')! } : {}),
        ...(text('dnis') ? { dnis: text('dnis')! } : {}),
      },
    });
    const checked = checkPopUrl(rendered.text);
    return checked.ok ? checked : { ok: false, reason: checked.reason };
  }

  private async load(): Promise<CallLogOutbox> {
    return decodeOutbox(
      (await browser.storage.local.get(CALL_LOG_OUTBOX_KEY))[CALL_LOG_OUTBOX_KEY],
    );
  }

  private async save(outbox: CallLogOutbox): Promise<void> {
    await browser.storage.local.set({ [CALL_LOG_OUTBOX_KEY]: outbox });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.options.diagnostics().record('error', 'call log failed', String(error));
    });
  }
}
