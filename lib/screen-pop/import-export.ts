import { validateRules } from './validate.ts';
import type { RuleProblem, ScreenPopRule } from './types.ts';

/** Marks an export file so an unrelated JSON file is recognised as such. */
export const RULES_FILE_FORMAT = 'gws-cti-screen-pop-rules';
export const RULES_FILE_VERSION = 1;

export interface RulesFile {
  format: typeof RULES_FILE_FORMAT;
  version: number;
  rules: ScreenPopRule[];
}

/** The rules as a JSON file body (pretty-printed, so it diffs well). */
export function exportRules(rules: ScreenPopRule[]): string {
  const file: RulesFile = { format: RULES_FILE_FORMAT, version: RULES_FILE_VERSION, rules };
  return JSON.stringify(file, null, 2);
}

export type RulesImport =
  { ok: true; rules: ScreenPopRule[] } | { ok: false; problems: RuleProblem[] };

/**
 * Reads an exported file (or a bare list of rules). All or nothing: any problem rejects the
 * whole import, with every problem listed, so a half-valid rule set is never saved.
 */
export function importRules(json: string): RulesImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '', code: 'bad-value', message: `Not JSON: ${reason}` }],
    };
  }
  let rules: unknown = parsed;
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const file = parsed as Partial<RulesFile>;
    if (file.format !== RULES_FILE_FORMAT) {
      return {
        ok: false,
        problems: [
          { path: 'format', code: 'bad-value', message: 'This is not a screen-pop rules file' },
        ],
      };
    }
    if (typeof file.version !== 'number' || file.version > RULES_FILE_VERSION) {
      return {
        ok: false,
        problems: [
          {
            path: 'version',
            code: 'bad-value',
            message: `Rules file version ${String(file.version)} is not supported (newest: ${RULES_FILE_VERSION})`,
          },
        ],
      };
    }
    rules = file.rules;
  }
  const problems = validateRules(rules);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, rules: rules as ScreenPopRule[] };
}
