import { readDispositions, type Disposition } from '../settings/wrap-up-settings.ts';

/** What the GWS settings say about wrap-up, when they say anything. */
export interface ServerWrapUp {
  dispositions: Disposition[];
  wrapUpSeconds?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A section given as `code → label` or `code → {displayName|name|label}`. */
function sectionEntries(section: Record<string, unknown>): unknown[] {
  return Object.entries(section).map(([code, value]) =>
    isRecord(value) ? { ...value, code: value.code ?? code } : { code, label: value },
  );
}

/**
 * Reads the disposition catalogue and the wrap-up time from the user's settings sections
 * (`GET /api/v2/me?subresources=settings`, gws-api.md §6.6). Where GWS keeps them is not
 * documented for v2 [INF], so this is tolerant: any section whose name mentions
 * "disposition" (a list, or a map of code → label or definition), and a `wrapUpTime` (or
 * `wrap-up-time`) key in any section, in seconds as a number or numeric text.
 */
export function serverWrapUp(settings: Record<string, unknown>): ServerWrapUp {
  const dispositions: unknown[] = [];
  let wrapUpSeconds: number | undefined;
  for (const [name, section] of Object.entries(settings)) {
    if (/disposition/i.test(name)) {
      if (Array.isArray(section)) dispositions.push(...section);
      else if (isRecord(section)) dispositions.push(...sectionEntries(section));
    }
    if (!isRecord(section) || wrapUpSeconds !== undefined) continue;
    for (const [key, value] of Object.entries(section)) {
      if (!/^wrap-?up-?time$/i.test(key)) continue;
      const seconds = typeof value === 'number' ? value : Number(String(value).trim());
      if (Number.isInteger(seconds) && seconds >= 0 && seconds <= 3600) wrapUpSeconds = seconds;
    }
  }
  return {
    dispositions: readDispositions(dispositions),
    ...(wrapUpSeconds === undefined ? {} : { wrapUpSeconds }),
  };
}
