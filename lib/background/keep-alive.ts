import browser from 'webextension-polyfill';

/** 20 s: under Chrome's 30 s idle limit with margin (../README, "MV3 service worker"). */
export const KEEP_ALIVE_INTERVAL_MS = 20_000;
export const WATCHDOG_ALARM = 'gws-session-watchdog';

/**
 * Keeps the MV3 service worker alive while a GWS session is active. A pending long-poll
 * fetch does not count as activity: without this the worker is stopped ~30 s after its
 * last extension event and notifications queue unread on the server. An extension API
 * call every 20 s resets the idle timer. Stops as soon as the session ends, so an idle,
 * logged-out extension costs nothing.
 */
export class KeepAlive {
  private timer: ReturnType<typeof setInterval> | undefined;

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void browser.runtime.getPlatformInfo();
    }, KEEP_ALIVE_INTERVAL_MS);
    // The watchdog restarts a worker that died anyway (crash, update, browser policy):
    // every worker start resumes the persisted session.
    void browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    void browser.alarms.clear(WATCHDOG_ALARM);
  }

  get running(): boolean {
    return this.timer !== undefined;
  }
}
