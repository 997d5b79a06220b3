import type { FetchLike } from '../../lib/gws/http.ts';

/**
 * A fetch with its own cookie jar, for Node tests. Node's fetch keeps no cookies, while GWS
 * ties the REST session, the CSRF token and the CometD client to the JSESSIONID cookie
 * (gws-api.md §1 step 3). In the extension the browser's cookie jar does this job
 * (`credentials: 'include'`); each instance here is one isolated "browser profile".
 *
 * Supported: host-only cookies (domain = request host), Path (default per RFC 6265 §5.1.4),
 * Expires / Max-Age (Max-Age ≤ 0 or a past date deletes), Secure (https only). HttpOnly and
 * SameSite are irrelevant without page scripts and are ignored.
 */
export interface Cookie {
  name: string;
  value: string;
  host: string;
  path: string;
  /** Epoch ms; undefined = session cookie. */
  expiresAt?: number;
  secure: boolean;
}

export class CookieJar {
  private cookies: Cookie[] = [];
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Stores the Set-Cookie headers of a response to `requestUrl`. */
  store(requestUrl: string, setCookieHeaders: readonly string[]): void {
    const url = new URL(requestUrl);
    for (const header of setCookieHeaders) this.storeOne(url, header);
  }

  /** The `Cookie` header value for a request to `requestUrl`, or undefined when none apply. */
  headerFor(requestUrl: string): string | undefined {
    const url = new URL(requestUrl);
    this.dropExpired();
    const matching = this.cookies
      .filter(
        (c) =>
          c.host === url.hostname &&
          pathMatches(url.pathname, c.path) &&
          (!c.secure || url.protocol === 'https:'),
      )
      // RFC 6265 §5.4: longer paths first.
      .sort((a, b) => b.path.length - a.path.length);
    if (matching.length === 0) return undefined;
    return matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** Current cookies (copies), for assertions. */
  list(): Cookie[] {
    this.dropExpired();
    return this.cookies.map((c) => ({ ...c }));
  }

  get(name: string): Cookie | undefined {
    return this.list().find((c) => c.name === name);
  }

  clear(): void {
    this.cookies = [];
  }

  private storeOne(url: URL, header: string): void {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const cookie: Cookie = {
      name,
      value,
      host: url.hostname,
      path: defaultPath(url.pathname),
      secure: false,
    };
    let maxAge: number | undefined;
    let expires: number | undefined;
    for (const attribute of attributes) {
      const i = attribute.indexOf('=');
      const key = (i < 0 ? attribute : attribute.slice(0, i)).trim().toLowerCase();
      const attrValue = i < 0 ? '' : attribute.slice(i + 1).trim();
      if (key === 'path' && attrValue.startsWith('/')) cookie.path = attrValue;
      else if (key === 'max-age' && /^-?\d+$/.test(attrValue)) maxAge = Number(attrValue);
      else if (key === 'expires') {
        const at = Date.parse(attrValue);
        if (!Number.isNaN(at)) expires = at;
      } else if (key === 'secure') cookie.secure = true;
    }
    // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
    if (maxAge !== undefined) cookie.expiresAt = this.now() + maxAge * 1000;
    else if (expires !== undefined) cookie.expiresAt = expires;

    const expired = cookie.expiresAt !== undefined && cookie.expiresAt <= this.now();
    const index = this.cookies.findIndex(
      (c) => c.name === cookie.name && c.host === cookie.host && c.path === cookie.path,
    );
    // A replaced cookie keeps its place (RFC 6265 §5.3 step 11: creation time is kept).
    if (index >= 0 && expired) this.cookies.splice(index, 1);
    else if (index >= 0) this.cookies[index] = cookie;
    else if (!expired) this.cookies.push(cookie);
  }

  private dropExpired(): void {
    const now = this.now();
    this.cookies = this.cookies.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
  }
}

/** RFC 6265 §5.1.4 default-path: the request path up to, not including, its last `/`. */
function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

export interface CookieFetch extends FetchLike {
  jar: CookieJar;
}

/**
 * Wraps `baseFetch` (default: global fetch) so requests carry and responses update the jar.
 * Redirects are followed by hand so cookies set on a redirect are kept, as a browser does.
 */
export function createCookieFetch(
  jar: CookieJar = new CookieJar(),
  baseFetch: FetchLike = (input, init) => globalThis.fetch(input, init),
): CookieFetch {
  const cookieFetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    let url = input;
    let requestInit = init;
    for (let hop = 0; hop < 10; hop++) {
      const headers = new Headers(requestInit.headers);
      const cookie = jar.headerFor(url);
      if (cookie !== undefined) headers.set('Cookie', cookie);
      else headers.delete('Cookie');
      const response = await baseFetch(url, { ...requestInit, headers, redirect: 'manual' });
      jar.store(url, response.headers.getSetCookie());
      const location = response.headers.get('Location');
      if (response.status < 300 || response.status >= 400 || location === null) return response;
      url = new URL(location, url).toString();
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && requestInit.method === 'POST')
      ) {
        requestInit = { ...requestInit, method: 'GET', body: null };
      }
    }
    throw new TypeError('fetch failed: too many redirects');
  };
  return Object.assign(cookieFetch, { jar });
}
