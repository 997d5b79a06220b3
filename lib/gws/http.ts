/**
 * The one HTTP primitive the GWS client uses. Everything that talks to GWS takes it as an
 * option, so Node tests can pass a fetch with a cookie jar (Node's fetch keeps no cookies)
 * while the extension passes the browser's fetch.
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The browser default: global fetch with `credentials: 'include'`, so the JSESSIONID cookie
 * rides on every REST and CometD request (gws-api.md §1 step 3). Resolved at call time so a
 * test or polyfill that replaces `globalThis.fetch` later is honoured.
 */
export const browserFetch: FetchLike = (input, init) =>
  globalThis.fetch(input, { ...init, credentials: 'include' });

/**
 * Told when an answer that may carry call events reaches our code, and (through the function it
 * returns) when that answer has been handed to its listeners: the background holds back work
 * that can wait meanwhile (lib/background/call-traffic.ts).
 */
export interface TrafficSignal {
  hold(): () => void;
}
