/**
 * What a screen-pop may open: http(s) pages only. Call data never decides the scheme or the
 * host: templates must spell those out literally, every variable is URL-encoded, and the
 * final URL is checked again before any tab is touched.
 */

import type { MessageKey } from '../i18n/messages.ts';
import type { MessageWords } from './types.ts';

/** Longer pop URLs are refused: no CRM needs them, and they only come from hostile data. */
export const MAX_POP_URL_LENGTH = 8192;

export type UrlCheck =
  { ok: true; url: string } | { ok: false; reason: string; words: MessageWords };

/** What is wrong with a template or URL, in English and as a catalogue entry. */
export interface UrlProblem {
  message: string;
  words: MessageWords;
}

const wordsOf = (key: MessageKey, args: string[]): MessageWords => ({
  key,
  ...(args.length ? { args } : {}),
});

const problem = (message: string, key: MessageKey, ...args: string[]): UrlProblem => ({
  message,
  words: wordsOf(key, args),
});

const refuse = (reason: string, key: MessageKey, ...args: string[]): UrlCheck => ({
  ok: false,
  reason,
  words: wordsOf(key, args),
});

const LITERAL_ORIGIN = /^https?:\/\/[^/?#{}\s]+(?:[/?#]|$)/i;

/** True for a template made relative to the CRM base URL (`/path…`, not `//host`). */
export function isRelativeTemplate(template: string): boolean {
  return template.startsWith('/') && !template.startsWith('//');
}

/** The template as an absolute one: a relative template is appended to the CRM base URL. */
export function absoluteTemplate(template: string, crmBaseUrl: string): string {
  return isRelativeTemplate(template) ? crmBaseUrl.replace(/\/+$/, '') + template : template;
}

/**
 * Why a template (absolute or relative) could produce an unsafe URL, or undefined when its
 * scheme and host are fixed literal http(s) text.
 */
export function templateOriginProblem(template: string): UrlProblem | undefined {
  const trimmed = template.trim();
  if (trimmed !== template) {
    return problem('The URL template must not start or end with spaces', 'urlTemplateSpaces');
  }
  if (isRelativeTemplate(template)) return undefined;
  if (template.startsWith('//')) {
    return problem(
      'The URL template must name its scheme: write http:// or https://',
      'urlTemplateNoScheme',
    );
  }
  if (!/^https?:\/\//i.test(template)) {
    return problem(
      'The URL template must start with http://, https:// or / (relative to the CRM base URL)',
      'urlTemplateStart',
    );
  }
  if (!LITERAL_ORIGIN.test(template)) {
    return problem(
      'The host of the URL template must be literal text, not a variable',
      'urlTemplateHost',
    );
  }
  return undefined;
}

/** The final check before a URL is opened: parseable, http(s), no credentials, not huge. */
export function checkPopUrl(url: string): UrlCheck {
  if (url.length > MAX_POP_URL_LENGTH) {
    return refuse(
      `the URL is longer than ${MAX_POP_URL_LENGTH} characters`,
      'urlTooLong',
      String(MAX_POP_URL_LENGTH),
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('not an absolute URL', 'urlNotAbsolute');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return refuse(`the ${parsed.protocol} scheme is never opened`, 'urlScheme', parsed.protocol);
  }
  if (parsed.username || parsed.password) {
    return refuse('URLs with credentials are never opened', 'urlCredentials');
  }
  if (!parsed.hostname) return refuse('the URL has no host', 'urlNoHost');
  return { ok: true, url: parsed.href };
}

/**
 * The literal start of an absolute template, up to its first variable, as the URL parser
 * reads it (origin and path; the whole path when a `?` or `#` comes first).
 */
function literalPathPrefix(template: string): { origin: string; path: string } | undefined {
  const brace = template.indexOf('{');
  const literal = brace === -1 ? template : template.slice(0, brace);
  const endsPath = /[?#]/.exec(literal);
  let parsed: URL;
  try {
    parsed = new URL(endsPath ? literal.slice(0, endsPath.index) : literal);
  } catch {
    return undefined;
  }
  // A prefix ending inside a path segment keeps that partial segment: `/pop/id-` must stay.
  return { origin: parsed.origin, path: parsed.pathname };
}

/**
 * Whether the final URL still starts with the origin and path the template spells out.
 * Variables are encoded, but dot segments made of several values (`{a}{b}` with "." and ".")
 * or other surprises of URL parsing must never move the page above the template's fixed path.
 */
export function keepsLiteralPrefix(absoluteTemplateText: string, finalUrl: string): boolean {
  const prefix = literalPathPrefix(absoluteTemplateText);
  if (!prefix) return false;
  const final = new URL(finalUrl);
  return final.origin === prefix.origin && final.pathname.startsWith(prefix.path);
}

/** Checks and normalises the CRM base URL: http(s), no query, fragment or credentials. */
export function checkBaseUrl(base: string): UrlCheck {
  const checked = checkPopUrl(base);
  if (!checked.ok) return checked;
  const parsed = new URL(checked.url);
  if (parsed.search || parsed.hash) {
    return refuse('the CRM base URL must not have a query or a fragment', 'urlBaseQuery');
  }
  return { ok: true, url: parsed.href.replace(/\/+$/, '') };
}

/**
 * Whether a tab URL fits a tab-URL pattern: `*` matches any text, everything else is literal,
 * and the pattern covers the whole URL. Tab URLs come from any open page, which chooses its
 * own; a backtracking RegExp built from a pattern with several `*` takes polynomial time (one
 * 3,000-character URL and five `*` ran for more than a minute), so this is the greedy wildcard
 * match: each `*` only ever moves forward, at most pattern × URL steps.
 */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  let p = 0;
  let u = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (u < url.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      resumeAt = u;
    } else if (p < pattern.length && pattern[p] === url[u]) {
      p++;
      u++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      u = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
