/** A few named one-shot timers; setting one replaces it, and none fires after `signal` aborts. */
export class NamedTimers<Name extends string> {
  readonly #ids = new Map<Name, number>();
  readonly #win: Window;
  readonly #signal: AbortSignal;

  constructor(win: Window, signal: AbortSignal) {
    this.#win = win;
    this.#signal = signal;
  }

  set(name: Name, run: () => void, ms: number): void {
    this.clear(name);
    const id = this.#win.setTimeout(() => {
      this.#ids.delete(name);
      if (!this.#signal.aborted) run();
    }, ms);
    this.#ids.set(name, id);
  }

  has(name: Name): boolean {
    return this.#ids.has(name);
  }

  clear(name: Name): void {
    const id = this.#ids.get(name);
    if (id !== undefined) this.#win.clearTimeout(id);
    this.#ids.delete(name);
  }

  clearAll(): void {
    for (const name of [...this.#ids.keys()]) this.clear(name);
  }
}
