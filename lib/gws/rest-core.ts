import { browserFetch, type FetchLike, type TrafficSignal } from './http.ts';
import type { WireStatusResponse } from './types.ts';
import {
  classifyResponse,
  GwsAuthError,
  GwsNetworkError,
  GwsProtocolError,
  type GwsError,
} from './errors.ts';

export interface GwsRestClientOptions {
  /** GWS base URL, e.g. `http://gws.example:8090` or `https://host/cloud-web` (context path). */
  serverUrl: string;
  /** Browser: global fetch with credentials (default). Node tests: a fetch with a cookie jar. */
  fetch?: FetchLike;
  /** Per-request deadline, including reading the body. Default 15 s. */
  timeoutMs?: number;
  /**
   * Called once when a request fails because the HTTP session is gone (statusCode 20, 401,
   * 403 CSRF); it should log in again first (login()), then may restore the session
   * (StartContactCenterSession, §5.6). The failed request is then retried once.
   */
  reauthenticate?: () => Promise<void>;
  /**
   * Held from an answer's arrival until its body is read; the code awaiting it runs on in the
   * same task (a recovery's snapshot reaches the store before any other task).
   */
  traffic?: TrafficSignal;
}

/** The request header GWS expects on every POST once CSRF protection is on (gws-api.md §2.3). */
export interface CsrfHeader {
  name: string;
  value: string;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  /** Path below `/api/v2`, already encoded. */
  path: string;
  body?: Record<string, unknown>;
  operationName?: string;
  /** `Basic …` credentials: a login, which never goes through the re-login path. */
  basicAuth?: string;
  /** False for requests where a lost session is not worth a re-login (EndContactCenterSession). */
  reauthenticate?: boolean;
  /** A `?fields=` collection read: its array member, which may come without the envelope. */
  collection?: string;
}

export interface RestResponse {
  body: Record<string, unknown>;
  httpStatus: number;
}

/** The envelope of an accepted operation; the effect arrives later on CometD (gws-api.md §1). */
export type OperationResult = WireStatusResponse & Record<string, unknown>;

const DEFAULT_TIMEOUT_MS = 15_000;

/** Accepts the server URL with or without a trailing slash or `/api/v2` suffix. */
export function normalizeServerUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new TypeError(`Not a valid GWS server URL: ${serverUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`GWS server URL must be http(s): ${serverUrl}`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
  return `${url.origin}${path}`;
}

/**
 * The HTTP machinery of the REST client: session-bound CSRF header, timeouts, envelope
 * classification and the single-flight re-login path. Operations live in `rest.ts`.
 */
export class GwsRestCore {
  readonly serverUrl: string;
  readonly apiBaseUrl: string;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly traffic: TrafficSignal | undefined;
  private reauthHook: (() => Promise<void>) | undefined;
  private reauthInFlight: Promise<void> | undefined;
  private csrf: CsrfHeader | undefined;
  /** Bumped by every successful login, so a failure seen after a re-login retries at once. */
  private authGeneration = 0;
  private reauthStartGeneration = 0;

  constructor(options: GwsRestClientOptions) {
    this.serverUrl = normalizeServerUrl(options.serverUrl);
    this.apiBaseUrl = `${this.serverUrl}/api/v2`;
    this.fetchImpl = options.fetch ?? browserFetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.reauthHook = options.reauthenticate;
    this.traffic = options.traffic;
  }

  /** Replaces the re-login hook (the owner often needs the client before it can define it). */
  setReauthenticate(hook: (() => Promise<void>) | undefined): void {
    this.reauthHook = hook;
  }

  /** Logs in again through the hook, sharing a re-login already under way. */
  reauthenticate(): Promise<void> {
    const hook = this.reauthHook;
    if (hook === undefined) return Promise.reject(new Error('No way to log in again'));
    return this.reauthenticateOnce(hook);
  }

  /** The CSRF header captured at login, if the server sent one. */
  get csrfHeader(): CsrfHeader | undefined {
    return this.csrf === undefined ? undefined : { ...this.csrf };
  }

  /** Headers that authenticate a request on the current session; CometD sends them too (§5.1). */
  authHeaders(): Record<string, string> {
    return this.csrf === undefined ? {} : { [this.csrf.name]: this.csrf.value };
  }

  /** Forgets session-bound data (CSRF token). The cookie belongs to the fetch's jar. */
  clearAuth(): void {
    this.csrf = undefined;
  }

  protected markLoggedIn(): void {
    this.authGeneration++;
  }

  /** One request with the re-login path: on an auth failure, re-login once and retry once. */
  protected async request(spec: RequestSpec): Promise<RestResponse> {
    const generation = this.authGeneration;
    try {
      return await this.send(spec);
    } catch (error) {
      const hook = this.reauthHook;
      if (
        !(error instanceof GwsAuthError) ||
        error.kind === 'bad-credentials' ||
        spec.basicAuth !== undefined ||
        spec.reauthenticate === false ||
        hook === undefined
      ) {
        throw error;
      }
      if (this.authGeneration === generation) {
        // Sent on the fresh session while the hook still runs: the hook's own request (e.g.
        // StartContactCenterSession after its login). Nesting a re-login would wait on itself.
        if (this.reauthInFlight !== undefined && generation !== this.reauthStartGeneration) {
          throw error;
        }
        await this.reauthenticateOnce(hook);
      }
      // Else another request already logged in again since this one was sent: just retry.
      return await this.send(spec);
    }
  }

  /**
   * Concurrent auth failures share one re-login. The hook must log in (login()) before it
   * sends anything else, so its own requests are told apart from the ones that failed.
   */
  private reauthenticateOnce(hook: () => Promise<void>): Promise<void> {
    if (this.reauthInFlight === undefined) {
      this.reauthStartGeneration = this.authGeneration;
      this.reauthInFlight = (async () => {
        try {
          await hook();
        } finally {
          this.reauthInFlight = undefined;
        }
      })();
    }
    return this.reauthInFlight;
  }

  /** POSTs `{...params, operationName}` with the re-login path; resolves on statusCode 0. */
  protected async operation(
    path: string,
    operationName: string,
    params: Record<string, unknown> = {},
  ): Promise<OperationResult> {
    // operationName last: params can never replace it.
    const body = { ...params, operationName };
    const { body: answer } = await this.request({ method: 'POST', path, body, operationName });
    return answer as OperationResult;
  }

  /** One HTTP exchange, classified; throws a GwsError on anything but statusCode 0. */
  protected async send(spec: RequestSpec): Promise<RestResponse> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.method !== 'GET' && this.csrf !== undefined) headers[this.csrf.name] = this.csrf.value;
    if (spec.basicAuth !== undefined) headers.Authorization = spec.basicAuth;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const context = spec.operationName === undefined ? {} : { operationName: spec.operationName };
    let httpStatus: number;
    let bodyText: string;
    let release: (() => void) | undefined;
    try {
      const response = await this.fetchImpl(`${this.apiBaseUrl}${spec.path}`, {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        credentials: 'include',
        signal: controller.signal,
      });
      release = this.traffic?.hold();
      httpStatus = response.status;
      bodyText = await response.text();
      this.captureCsrf(response.headers);
    } catch (error) {
      throw this.networkError(error, controller.signal.aborted, spec);
    } finally {
      clearTimeout(timer);
      release?.();
    }

    const outcome = classifyResponse({
      httpStatus,
      bodyText,
      ...context,
      isLogin: spec.basicAuth !== undefined,
      ...(spec.collection === undefined ? {} : { collection: spec.collection }),
    });
    if (!outcome.ok) throw outcome.error;
    return { body: outcome.body, httpStatus };
  }

  /**
   * Any response may carry the token (§2.3: "obtain it from any GET"). Tolerant: without the
   * headers nothing is sent, which is right for servers with CSRF protection off.
   */
  private captureCsrf(responseHeaders: Headers): void {
    const value = responseHeaders.get('X-CSRF-TOKEN');
    if (!value) return;
    const name = responseHeaders.get('X-CSRF-HEADER')?.trim() || 'X-CSRF-TOKEN';
    this.csrf = { name, value };
  }

  private networkError(error: unknown, timedOut: boolean, spec: RequestSpec): GwsError {
    const details = {
      timedOut,
      cause: error,
      ...(spec.operationName === undefined ? {} : { operationName: spec.operationName }),
    };
    if (timedOut) {
      return new GwsNetworkError(`No answer from GWS within ${this.timeoutMs} ms`, details);
    }
    const reason = error instanceof Error ? describeFetchFailure(error) : String(error);
    return new GwsNetworkError(`GWS unreachable: ${reason}`, details);
  }
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED…) is in `cause`. */
function describeFetchFailure(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error && cause.message) return `${error.message} (${cause.message})`;
  return error.message;
}

/** `Authorization` value for HTTP Basic with UTF-8 credentials. */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** Reads a required array member of a collection response (`?fields=*`, gws-api.md §2.5). */
export function requireArray<T>(body: Record<string, unknown>, key: string, what: string): T[] {
  const value = body[key];
  if (Array.isArray(value)) return value as T[];
  // A collection read without `fields` answers `uris` only; an empty collection may omit the key.
  if (value === undefined && !('uris' in body)) return [];
  throw new GwsProtocolError(`${what}: expected an array in "${key}"`);
}
