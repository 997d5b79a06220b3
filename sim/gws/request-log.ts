/** The REST request log behind `GET /sim/requests` (bounded, oldest dropped first). */
export interface RequestLogEntry {
  at: string;
  agent?: string;
  method: string;
  path: string;
  operationName?: string;
  body?: unknown;
  httpStatus: number;
  statusCode?: number;
}

const MAX_ENTRIES = 5000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(agent?: string): RequestLogEntry[] {
    return agent ? this.entries.filter((e) => e.agent === agent) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
