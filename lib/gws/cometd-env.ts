/**
 * The cometd client reads the free identifier `window` at run time (timers, console,
 * location, WebSocket). An MV3 service worker and Node have no `window`, only `globalThis`,
 * so alias it. Import this module before anything calls `new CometD()`.
 *
 * Without `window.location` (Node), cometd treats every URL as same-origin; with it (the
 * service worker, whose host is the extension id) every GWS URL is cross-origin. Both are
 * fine for the fetch transport, which accepts either (fetch-long-polling.ts).
 */
const g = globalThis as { window?: unknown };
if (typeof g.window === 'undefined') g.window = globalThis;

export {};
