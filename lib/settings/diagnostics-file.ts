import type { DiagnosticsDump } from '../diagnostics/diagnostics-log.ts';

export const DIAGNOSTICS_FILE_FORMAT = 'gws-cti-diagnostics';

export interface DiagnosticsContext {
  extensionVersion: string;
  userAgent: string;
  /** The agent's settings (no credentials are ever part of them). */
  settings: unknown;
}

export interface DiagnosticsFile {
  fileName: string;
  text: string;
}

function stamp(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}-` +
    `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`
  );
}

/**
 * The file a support engineer asks for: the background's bounded diagnostics log (CometD
 * meta events, errors, recent notifications, session milestones) with the version and
 * settings it came from. Named after the moment it was taken, in UTC.
 */
export function diagnosticsFile(
  dump: DiagnosticsDump,
  context: DiagnosticsContext,
): DiagnosticsFile {
  const body = {
    format: DIAGNOSTICS_FILE_FORMAT,
    exportedAt: new Date(dump.exportedAt).toISOString(),
    extensionVersion: context.extensionVersion,
    userAgent: context.userAgent,
    settings: context.settings,
    diagnostics: dump,
  };
  return {
    fileName: `gws-cti-diagnostics-${stamp(dump.exportedAt)}.json`,
    text: JSON.stringify(body, null, 2),
  };
}
