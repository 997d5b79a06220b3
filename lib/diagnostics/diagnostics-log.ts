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

/** Copies a value into plain JSON, never throwing (cyclic or exotic values become a note). */
function toJsonSafe(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return undefined;
    if (text.length > MAX_DETAIL_CHARS) return { truncated: text.slice(0, MAX_DETAIL_CHARS) };
    return JSON.parse(text) as unknown;
  } catch (error) {
    return { unserializable: String(error) };
  }
}

/**
 * Bounded diagnostics: CometD meta events, errors, the last notifications and session
 * milestones, each kind in its own ring so a flood of one cannot push out the others.
 */
export class DiagnosticsLog {
  private readonly rings: Record<DiagnosticsKind, RingBuffer<DiagnosticsEntry>>;

  private readonly now: () => number;

  constructor(
    capacity: Partial<Record<DiagnosticsKind, number>> = {},
    now: () => number = Date.now,
  ) {
    this.now = now;
    this.rings = {
      meta: new RingBuffer(capacity.meta ?? 200),
      error: new RingBuffer(capacity.error ?? 100),
      notification: new RingBuffer(capacity.notification ?? 200),
      session: new RingBuffer(capacity.session ?? 100),
    };
  }

  record(kind: DiagnosticsKind, summary: string, detail?: unknown): void {
    const entry: DiagnosticsEntry = { at: this.now(), kind, summary };
    if (detail !== undefined) entry.detail = toJsonSafe(detail);
    this.rings[kind].push(entry);
  }

  dump(): DiagnosticsDump {
    const kinds = Object.keys(this.rings) as DiagnosticsKind[];
    const entries = {} as Record<DiagnosticsKind, DiagnosticsEntry[]>;
    const dropped = {} as Record<DiagnosticsKind, number>;
    for (const kind of kinds) {
      entries[kind] = this.rings[kind].toArray();
      dropped[kind] = this.rings[kind].droppedCount;
    }
    return { exportedAt: this.now(), entries, dropped };
  }
}
