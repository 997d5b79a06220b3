/**
 * What a screen-pop may open: http(s) pages only. Call data never decides the scheme or the
 * host: templates must spell those out literally, every variable is URL-encoded, and the
 * final URL is checked again before any tab is touched.
 */

/** Longer pop URLs are refused: no CRM needs them, and they only come from hostile data. */
export const MAX_POP_URL_LENGTH = 8192;

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

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
export function templateOriginProblem(template: string): string | undefined {
  const trimmed = template.trim();
  if (trimmed !== template) return 'The URL template must not start or end with spaces';
  if (isRelativeTemplate(template)) return undefined;
  if (template.startsWith('//')) {
    return 'The URL template must name its scheme: write http:// or https://';
  }
  if (!/^https?:\/\//i.test(template)) {
    return 'The URL template must start with http://, https:// or / (relative to the CRM base URL)';
  }
  if (!LITERAL_ORIGIN.test(template)) {
    return 'The host of the URL template must be literal text, not a variable';
  }
  return undefined;
}

/** The final check before a URL is opened: parseable, http(s), no credentials, not huge. */
export function checkPopUrl(url: string): UrlCheck {
  if (url.length > MAX_POP_URL_LENGTH) {
    return { ok: false, reason: `the URL is longer than ${MAX_POP_URL_LENGTH} characters` };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `the ${parsed.protocol} scheme is never opened` };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, reason: 'URLs with credentials are never opened' };
  }
  if (!parsed.hostname) return { ok: false, reason: 'the URL has no host' };
  return { ok: true, url: parsed.href };
}

/** Checks and normalises the CRM base URL: http(s), no query, fragment or credentials. */
export function checkBaseUrl(base: string): UrlCheck {
  const checked = checkPopUrl(base);
  if (!checked.ok) return checked;
  const parsed = new URL(checked.url);
  if (parsed.search || parsed.hash) {
    return { ok: false, reason: 'the CRM base URL must not have a query or a fragment' };
  }
  return { ok: true, url: parsed.href.replace(/\/+$/, '') };
}

const REGEX_SPECIALS = /[.+?^${}()|[\]\\]/g;

/** A tab-URL pattern: `*` matches any text, everything else is literal; whole URL. */
export function urlPatternToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((piece) => piece.replace(REGEX_SPECIALS, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's');
}

export function matchesUrlPattern(pattern: string, url: string): boolean {
  return urlPatternToRegExp(pattern).test(url);
}
