/**
 * A scenario file checked when it is loaded: every member known, every step's action known and
 * its required members present with the right types, every agent-op naming an operation the
 * simulator has. A typo is an error that names the step, never a step skipped in silence.
 */
import { GwsError, MISSING } from '../gws-error.ts';
import { isKnownOperation } from '../ops/perform.ts';
import type { ScenarioFile } from './runner.ts';

const FILE_KEYS = new Set(['name', 'description', 'repeat', 'repeatEveryMs', 'steps']);

const STRING_KEYS = [
  'to',
  'from',
  'dnis',
  'callType',
  'label',
  'call',
  'agent',
  'operationName',
  'destination',
];
const OBJECT_KEYS = ['userData', 'params'];
const STEP_KEYS = new Set(['at', 'action', 'delayMs', ...STRING_KEYS, ...OBJECT_KEYS]);

/** Members each action needs besides `at` and `action`. */
const REQUIRED: Record<string, string[]> = {
  call: [],
  'remote-answer': ['call'],
  'remote-hangup': ['call'],
  login: ['agent'],
  'auto-answer': ['agent'],
  'agent-op': ['agent', 'operationName'],
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stepProblems(step: unknown, where: string): string[] {
  if (!isObject(step)) return [`${where} is not an object`];
  const problems: string[] = [];
  for (const key of Object.keys(step))
    if (!STEP_KEYS.has(key)) problems.push(`${where} has an unknown member '${key}'`);
  const { at, action } = step;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0)
    problems.push(`${where} needs 'at', a number of milliseconds >= 0`);
  const required = typeof action === 'string' ? REQUIRED[action] : undefined;
  if (!required) {
    problems.push(
      `${where} has an unknown action ${JSON.stringify(action)} (${Object.keys(REQUIRED).join(', ')})`,
    );
    return problems;
  }
  for (const key of required)
    if (step[key] === undefined) problems.push(`${where} (${action}) needs '${key}'`);
  for (const key of STRING_KEYS)
    if (step[key] !== undefined && typeof step[key] !== 'string')
      problems.push(`${where}: '${key}' must be a string`);
  for (const key of OBJECT_KEYS)
    if (step[key] !== undefined && !isObject(step[key]))
      problems.push(`${where}: '${key}' must be an object`);
  if (step.delayMs !== undefined && (typeof step.delayMs !== 'number' || step.delayMs < 0))
    problems.push(`${where}: 'delayMs' must be a number >= 0`);
  const op = step.operationName;
  if (typeof op === 'string' && !isKnownOperation(op))
    problems.push(`${where} names an unknown operation '${op}'`);
  return problems;
}

/** The file as a ScenarioFile, or a statusCode 1 error listing every problem. */
export function validateScenario(name: string, value: unknown): ScenarioFile {
  const problems: string[] = [];
  if (!isObject(value)) problems.push('the file is not a JSON object');
  else {
    for (const key of Object.keys(value))
      if (!FILE_KEYS.has(key)) problems.push(`unknown member '${key}'`);
    for (const key of ['repeat', 'repeatEveryMs'])
      if (
        value[key] !== undefined &&
        (typeof value[key] !== 'number' || (value[key] as number) < 0)
      )
        problems.push(`'${key}' must be a number >= 0`);
    if (!Array.isArray(value.steps) || value.steps.length === 0)
      problems.push("'steps' must be a non-empty list");
    else value.steps.forEach((s, i) => problems.push(...stepProblems(s, `step ${i + 1}`)));
  }
  if (problems.length > 0)
    throw new GwsError(MISSING, `Scenario ${name} is not valid: ${problems.join('; ')}`);
  return value as unknown as ScenarioFile;
}
