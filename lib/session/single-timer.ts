/**
 * At most one pending timer: `schedule` while one is pending does nothing, so bursts of
 * triggers collapse into one run. `cancel` drops the pending run.
 */
export class SingleTimer {
  private handle: ReturnType<typeof setTimeout> | undefined;

  schedule(delayMs: number, run: () => void): void {
    if (this.handle) return;
    this.handle = setTimeout(() => {
      this.handle = undefined;
      run();
    }, delayMs);
  }

  cancel(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }

  get pending(): boolean {
    return this.handle !== undefined;
  }
}
