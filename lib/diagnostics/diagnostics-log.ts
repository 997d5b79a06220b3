import { RingBuffer } from './ring-buffer.ts';

export type DiagnosticsKind = 'meta' | 'error' | 'notification' | 'session';

export interface DiagnosticsEntry {
  at: number;
  kind: DiagnosticsKind;
  summary: string;
  /** JSON-safe detail (already cloned and size-capped). */
  detail?: unknown;
}

export interface DiagnosticsDump {
  exportedAt: number;
  entries: Record<DiagnosticsKind, DiagnosticsEntry[]>;
  dropped: Record<DiagnosticsKind, number>;
}

const MAX_DETAIL_CHARS = 8_000;

/**
 * Notifications kept for a problem report. An agent reports the call that just went wrong;
 * one call's life is 4–10 notifications (ringing, established, held, retrieved, party
 * changes, released), so 50 cover the last several calls. Each entry keeps the message as
 * JSON (~1 kB for a plain call): 200 of them were ~0.2 MB of the worker's heap, held only
 * for an export nobody asks about calls that ended long ago.
 */
const NOTIFICATIONS_KEPT = 50;

/**
 * A value as JSON text, never throwing (cyclic or exotic values become a note). Kept as text
 * until a dump asks for it: a ring of notifications costs its characters, not a tree of
 * objects per entry.
 */
function toJsonText(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return undefined;
    if (text.length > MAX_DETAIL_CHARS) {
      return JSON.stringify({ truncated: text.slice(0, MAX_DETAIL_CHARS) });
    }
    return text;
  } catch (error) {
    return JSON.stringify({ unserializable: String(error) });
  }
}

/** An entry as kept in its ring: the detail as JSON text. */
interface StoredEntry {
  at: number;
  kind: DiagnosticsKind;
  summary: string;
  detailJson?: string;
}

/**
 * Bounded diagnostics: CometD meta events, errors, the last notifications and session
 * milestones, each kind in its own ring so a flood of one cannot push out the others.
 */
export class DiagnosticsLog {
  private readonly rings: Record<DiagnosticsKind, RingBuffer<StoredEntry>>;

  private readonly now: () => number;

  constructor(
    capacity: Partial<Record<DiagnosticsKind, number>> = {},
    now: () => number = Date.now,
  ) {
    this.now = now;
    this.rings = {
      meta: new RingBuffer(capacity.meta ?? 200),
      error: new RingBuffer(capacity.error ?? 100),
      notification: new RingBuffer(capacity.notification ?? NOTIFICATIONS_KEPT),
      session: new RingBuffer(capacity.session ?? 100),
    };
  }

  record(kind: DiagnosticsKind, summary: string, detail?: unknown): void {
    const entry: StoredEntry = { at: this.now(), kind, summary };
    const detailJson = detail === undefined ? undefined : toJsonText(detail);
    if (detailJson !== undefined) entry.detailJson = detailJson;
    this.rings[kind].push(entry);
  }

  dump(): DiagnosticsDump {
    const kinds = Object.keys(this.rings) as DiagnosticsKind[];
    const entries = {} as Record<DiagnosticsKind, DiagnosticsEntry[]>;
    const dropped = {} as Record<DiagnosticsKind, number>;
    for (const kind of kinds) {
      entries[kind] = this.rings[kind]
        .toArray()
        .map(({ detailJson, ...entry }) =>
          detailJson === undefined
            ? entry
            : { ...entry, detail: JSON.parse(detailJson) as unknown },
        );
      dropped[kind] = this.rings[kind].droppedCount;
    }
    return { exportedAt: this.now(), entries, dropped };
  }
}
