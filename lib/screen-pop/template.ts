import { digitsOnly } from '../calls/numbers.ts';
import type { MessageWords, NumberForms, PopCall } from './types.ts';

/** The variables a URL template may use, for the rule editor's help text. */
export const TEMPLATE_VARIABLES: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'ani', description: "The caller's number as GWS sent it" },
  { name: 'ani.e164', description: "The caller's number in E.164 form, e.g. +442079460958" },
  { name: 'ani.national', description: "The caller's number in national format" },
  { name: 'ani.international', description: "The caller's number in international format" },
  { name: 'ani.digits', description: "The digits of the caller's number" },
  { name: 'ani.country', description: "The caller's country code, e.g. GB" },
  { name: 'dnis', description: 'The number the caller dialled' },
  { name: 'callId', description: 'The GWS call id' },
  { name: 'callUuid', description: 'The call UUID' },
  { name: 'connId', description: 'The T-Server connection id' },
  { name: 'callType', description: 'Inbound, Internal, Consult or Outbound' },
  { name: 'userData.KEY', description: 'The attached-data value of KEY' },
];

const FIXED_VARIABLES = new Set(
  TEMPLATE_VARIABLES.map((v) => v.name).filter((n) => !n.startsWith('userData.')),
);
const USER_DATA_PREFIX = 'userData.';

export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `{a|b}`: the first of the names with a non-empty value. */
  | { kind: 'variable'; names: string[]; source: string };

export interface TemplateProblem {
  code: 'template-syntax' | 'unknown-variable';
  message: string;
  words: MessageWords;
}

export interface ParsedTemplate {
  parts: TemplatePart[];
  problems: TemplateProblem[];
}

export function isKnownVariable(name: string): boolean {
  if (FIXED_VARIABLES.has(name)) return true;
  return name.startsWith(USER_DATA_PREFIX) && name.length > USER_DATA_PREFIX.length;
}

/**
 * Splits a template into literal text and `{variable}` parts. Problems name the exact piece:
 * an unclosed or stray brace, an empty or unknown variable.
 */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '}') {
      problems.push({
        code: 'template-syntax',
        message: `A "}" at position ${i + 1} closes no variable (write %7D for a literal brace)`,
        words: { key: 'urlTemplateStrayBrace', args: [String(i + 1)] },
      });
      i++;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const close = template.indexOf('}', i + 1);
    const nextOpen = template.indexOf('{', i + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      problems.push({
        code: 'template-syntax',
        message: `The "{" at position ${i + 1} is not closed by "}"`,
        words: { key: 'urlTemplateUnclosedBrace', args: [String(i + 1)] },
      });
      i++;
      continue;
    }
    const source = template.slice(i, close + 1);
    const names = template
      .slice(i + 1, close)
      .split('|')
      .map((n) => n.trim());
    if (text) parts.push({ kind: 'text', text });
    text = '';
    for (const name of names) {
      if (name === '') {
        problems.push({
          code: 'template-syntax',
          message: `${source} has an empty variable name`,
          words: { key: 'urlTemplateEmptyVariable', args: [source] },
        });
      } else if (!isKnownVariable(name)) {
        const known = TEMPLATE_VARIABLES.map((v) => v.name).join(', ');
        problems.push({
          code: 'unknown-variable',
          message: `Unknown variable "${name}" in ${source}; known: ${known}`,
          words: { key: 'urlTemplateUnknownVariable', args: [name, source, known] },
        });
      }
    }
    parts.push({ kind: 'variable', names, source });
    i = close + 1;
  }
  if (text) parts.push({ kind: 'text', text });
  return { parts, problems };
}

/** What variables are read from: the call, and its ANI enriched once. */
export interface TemplateContext {
  call: PopCall;
  ani?: NumberForms;
}

/**
 * Attached data as template text: strings as they are, numbers and booleans written out.
 * Nested lists (KVList values) have no single text form, so they count as missing.
 */
function userDataText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return undefined;
}

/** A variable's raw (unencoded) value, or undefined when the call has none. */
export function variableValue(name: string, context: TemplateContext): string | undefined {
  const { call, ani } = context;
  let value: string | undefined;
  if (name.startsWith(USER_DATA_PREFIX)) {
    const key = name.slice(USER_DATA_PREFIX.length);
    value = Object.hasOwn(call.userData, key) ? userDataText(call.userData[key]) : undefined;
  } else {
    switch (name) {
      case 'ani':
        value = call.ani;
        break;
      case 'ani.e164':
        value = ani?.e164 ?? call.participantE164;
        break;
      case 'ani.national':
        value = ani?.national;
        break;
      case 'ani.international':
        value = ani?.international;
        break;
      case 'ani.digits':
        value = ani?.digits ?? digitsOnly(call.ani);
        break;
      case 'ani.country':
        value = ani?.country?.code;
        break;
      case 'dnis':
        value = call.dnis;
        break;
      case 'callId':
        value = call.id;
        break;
      case 'callUuid':
        value = call.callUuid;
        break;
      case 'connId':
        value = call.connId;
        break;
      case 'callType':
        value = call.callType;
        break;
    }
  }
  // "." and ".." are dot segments: in a path, URL parsing would remove them and the segment
  // before (`/pop/{id}/view` with id ".." opens `/view`). No real value is only dots, so they
  // count as missing wherever they stand.
  return value === '' || value === '.' || value === '..' ? undefined : value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent, which throws on a lone surrogate: those become U+FFFD first. */
export function encodeValue(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

export interface RenderedTemplate {
  text: string;
  /** Variables (the whole `{a|b}` source) that had no value and were left empty. */
  missing: string[];
}

/** Fills the template; every value is URL-encoded, a missing one becomes empty text. */
export function renderTemplate(parts: TemplatePart[], context: TemplateContext): RenderedTemplate {
  let text = '';
  const missing: string[] = [];
  for (const part of parts) {
    if (part.kind === 'text') {
      text += part.text;
      continue;
    }
    let value: string | undefined;
    for (const name of part.names) {
      value = variableValue(name, context);
      if (value !== undefined) break;
    }
    if (value === undefined) missing.push(part.source);
    else text += encodeValue(value);
  }
  return { text, missing };
}
