/**
 * Host match patterns (`https://crm.example.com/*`, `http://*.example.com/*`) tested against
 * URLs the way browsers test them for content scripts: the scheme (`*` is http or https), the
 * host (`*.` also matches the bare domain), the path glob; a pattern without a port matches
 * every port.
 */

interface Pattern {
  scheme: string;
  host: string;
  port?: string;
  path: RegExp;
}

const cache = new Map<string, Pattern | null>();

function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`);
}

function parse(pattern: string): Pattern | null {
  const known = cache.get(pattern);
  if (known !== undefined) return known;
  let parsed: Pattern | null = null;
  if (pattern === '<all_urls>') parsed = { scheme: '*', host: '*', path: /^.*$/ };
  else {
    const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/:*]+|\[[^\]]+\])(?::(\d+|\*))?(\/.*)$/.exec(
      pattern,
    );
    if (m) {
      parsed = { scheme: m[1]!, host: m[2]!.toLowerCase(), path: globToRegExp(m[4]!) };
      if (m[3] !== undefined && m[3] !== '*') parsed.port = m[3];
    }
  }
  if (cache.size > 256) cache.clear();
  cache.set(pattern, parsed);
  return parsed;
}

/** True when `url` is matched by the match pattern. Unparseable input matches nothing. */
export function urlMatchesPattern(url: string, pattern: string): boolean {
  const p = parse(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (p.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== p.scheme)
    return false;
  const host = u.hostname.toLowerCase();
  if (p.host !== '*') {
    if (p.host.startsWith('*.')) {
      const base = p.host.slice(2);
      if (host !== base && !host.endsWith(`.${base}`)) return false;
    } else if (host !== p.host) return false;
  }
  if (p.port !== undefined && u.port !== p.port) return false;
  return p.path.test(u.pathname + u.search);
}

/** The first pattern of `patterns` that matches `url`. */
export function matchingPattern(url: string, patterns: readonly string[]): string | undefined {
  return patterns.find((p) => urlMatchesPattern(url, p));
}
