// CRM sites the overlay may run on, as host match patterns (`https://crm.example.com/*`).
// Each one is an optional host permission the agent grants when adding the site; nothing
// broad (`<all_urls>`, `*://*/*`, a whole top-level domain) is ever accepted.

export type SiteProblem = 'empty' | 'invalid' | 'scheme' | 'too-broad';

export type SiteCheck = { ok: true; pattern: string } | { ok: false; problem: SiteProblem };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function validHost(host: string): boolean {
  if (IPV4.test(host)) return host.split('.').every((n) => Number(n) <= 255);
  if (host.startsWith('[') && host.endsWith(']')) return true;
  return host.split('.').every((label) => LABEL.test(label));
}

/**
 * Turns what the agent typed (`crm.example.com`, `https://crm.example.com/app?x=1`,
 * `*.example.com`, `http://127.0.0.1:8091`) into the match pattern to request, or says why
 * it cannot be one. No scheme means https. A port the agent typed is kept (that port only:
 * `http://127.0.0.1:9311` must not enable every service on the machine); without one, every
 * port of the host is covered, as browsers read a pattern without a port. Paths are dropped.
 */
export function siteToPattern(input: string): SiteCheck {
  let text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (/^<all_urls>$/i.test(text)) return { ok: false, problem: 'too-broad' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return { ok: false, problem: 'scheme' };
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    // `mailto:x`, `file:/…` — a scheme without `//` (a `host:port` has digits after the colon).
    return { ok: false, problem: 'scheme' };
  } else {
    text = `https://${text}`;
  }
  const [, protocol = '', rest = ''] = /^([a-z]+):\/\/(.*)$/i.exec(text) ?? [];
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return { ok: false, problem: 'invalid' };
  const wildcard = authority.startsWith('*.');
  if (authority === '*' || authority.startsWith('*:')) return { ok: false, problem: 'too-broad' };
  let host: string;
  let port: string;
  try {
    // The URL parser lower-cases, punycodes and checks the host for us, and drops a port
    // that is the scheme's default.
    const probe = wildcard ? `wildcard-probe.${authority.slice(2)}` : authority;
    const url = new URL(`${protocol.toLowerCase()}://${probe}/`);
    host = url.hostname;
    port = url.port;
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (wildcard) host = host.slice('wildcard-probe.'.length);
  if (!host || !validHost(host)) return { ok: false, problem: 'invalid' };
  // `*.com` would be every site under a top-level domain.
  if (wildcard && !host.includes('.')) return { ok: false, problem: 'too-broad' };
  return {
    ok: true,
    pattern: `${protocol.toLowerCase()}://${wildcard ? '*.' : ''}${host}${port ? `:${port}` : ''}/*`,
  };
}

/** What a site pattern covers, for the agent to read before saving it. */
export interface SiteScope {
  scheme: string;
  host: string;
  /** Also every subdomain of `host`. */
  subdomains: boolean;
  /** The one port covered; undefined: every port. */
  port?: string;
}

export function siteScope(pattern: string): SiteScope | undefined {
  const m = /^(https?):\/\/(\*\.)?([^/]+?)(?::(\d+))?\/\*$/.exec(pattern);
  if (!m) return undefined;
  return {
    scheme: m[1]!,
    host: m[3]!,
    subdomains: m[2] !== undefined,
    ...(m[4] !== undefined ? { port: m[4] } : {}),
  };
}

/**
 * The pattern to give the browser's permission and content-script APIs. Firefox's match
 * patterns take no port: there the host is asked for whatever the port, and the overlay is
 * kept to the agent's port by the background, which answers pages by the full pattern
 * (lib/background/page-sites.ts).
 */
export function browserPattern(pattern: string, portsAllowed: boolean): string {
  return portsAllowed ? pattern : pattern.replace(/^([^:]+:\/\/[^/]+?):\d+\//, '$1/');
}

interface ParsedPattern {
  scheme: string;
  host: string;
  path: string;
  /** Absent: every port. */
  port?: string;
}

function parsePattern(pattern: string): ParsedPattern | undefined {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*', path: '/*' };
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return undefined;
  const port = /:(\d+)$/.exec(m[2]!)?.[1];
  return {
    scheme: m[1]!,
    host: m[2]!.replace(/:\d+$/, ''),
    path: m[3]!,
    ...(port ? { port } : {}),
  };
}

/**
 * True when `outer` grants at least everything `inner` asks for (scheme, host and a path
 * of `/*`). Used to tell sites the manifest already grants, which must not be revoked.
 */
export function patternCovers(outer: string, inner: string): boolean {
  const a = parsePattern(outer);
  const b = parsePattern(inner);
  if (!a || !b) return false;
  if (a.path !== '/*') return false;
  const schemeOk = a.scheme === b.scheme || (a.scheme === '*' && b.scheme !== '*');
  if (!schemeOk) return false;
  if (a.port !== undefined && a.port !== b.port) return false;
  if (a.host === '*' || a.host === b.host) return true;
  if (a.host.startsWith('*.')) {
    const base = a.host.slice(2);
    const innerBase = b.host.startsWith('*.') ? b.host.slice(2) : b.host;
    return innerBase === base || innerBase.endsWith(`.${base}`);
  }
  return false;
}

/** The match pattern of the origin of `url` (e.g. the GWS server), or undefined. */
export function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** A readable form of a pattern for the list: `https://*.example.com/*` → `https://*.example.com`. */
export function siteLabel(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}

/** Adds a site once, keeping the list sorted. */
export function withSite(sites: readonly string[], pattern: string): string[] {
  return [...new Set([...sites, pattern])].sort();
}

export function withoutSite(sites: readonly string[], pattern: string): string[] {
  return sites.filter((s) => s !== pattern);
}
