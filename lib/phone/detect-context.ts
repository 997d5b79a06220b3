/**
 * Context rules: what the characters and words around a digit run say about it. A run glued to
 * letters ("INV-2024", "DE89 …", "ORD-4155550132"), introduced by an id label ("Order #",
 * "Ref:", "IBAN") or followed by a unit or currency is not a phone number; a phone label
 * ("Tel.", "M:", "Telefonnummer") vouches for a run even when it is glued to it ("Tel.030…").
 */
import { classifyWord } from './detect-labels.ts';
import { DIGIT_CLASS, SPACE_CLASS, digitValue, isDashChar } from './text-digits.ts';

/** 'amount': the run's first token is money ("$20 415-666-7777"); the rest may be a number. */
export type LeadVerdict = 'phone' | 'reject' | 'neutral' | 'amount';

/**
 * Characters that make a word with a digit run they touch. Latin letters (and combining marks on
 * them) only, as Google's matcher rules: "INV2024…" is an id, but Arabic, Chinese or Cyrillic
 * text runs straight into numbers ("+٤٤…عَرَبِيّ", "电话号码是415…").
 */
const GLUING = /[\p{Script=Latin}\p{M}\p{N}_]/u;
const CURRENCY = /[$€£¥₹₩₽¢₺₪฿₫]/;
/** Punctuation that glues a run to a preceding word: "v2.4…", "/orders/4155…", "a@b". */
const GLUE_BEFORE = new Set(['/', '#', '@', '&', '_', '~', '\\']);
/** Punctuation after which a phone label may be glued to its number: "Tel.030…", "M:+44…". */
const LABEL_GLUE = new Set(['.', ':', '：', '=']);
/** How far back a label may be. */
const LABEL_WINDOW = 48;
/** A label is cut off by these (and by digits): they end the phrase the label belongs to. */
const PHRASE_BREAK = /[\n\r\t|;,!?，；。、]/;
const WORD_RE = /[\p{L}\p{M}°º]+/gu;

/** A letter or digit that would make a word with the run. */
function glues(ch: string | undefined): boolean {
  return ch !== undefined && GLUING.test(ch);
}

/** The word ending right before `end` (lower-case), e.g. "number" in "My number-415…". */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /\p{L}/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, end).normalize('NFKC').toLowerCase();
}

function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && digitValue(ch.charCodeAt(0)) >= 0;
}

interface LabelWord {
  word: string;
  /** The word is directly followed by "." or ":" ("No.", "Tel:"). */
  punctuated: boolean;
  /** Two capital letters: a country prefix of an id ("TVA FR 12 …", "VAT GB 123 …"). */
  countryPrefix: boolean;
}

/** Words (lower-case, NFKC-folded) of the phrase directly before `pos`, nearest last. */
function precedingPhrase(text: string, pos: number): { words: LabelWord[]; hash: boolean } {
  const from = Math.max(0, pos - LABEL_WINDOW);
  let cut = from;
  for (let i = pos - 1; i >= from; i--) {
    const ch = text[i] ?? '';
    if (PHRASE_BREAK.test(ch) || isDigitChar(ch)) {
      cut = i + 1;
      break;
    }
  }
  const phrase = text.slice(cut, pos);
  const words: LabelWord[] = [];
  let lastWordEnd = 0;
  for (const w of phrase.matchAll(WORD_RE)) {
    lastWordEnd = w.index + w[0].length;
    const after = phrase[lastWordEnd];
    words.push({
      word: w[0].normalize('NFKC').toLowerCase(),
      punctuated: after === '.' || after === ':',
      countryPrefix: /^[A-Z]{2}$/.test(w[0]),
    });
  }
  const hash = /[#＃№]/.test(phrase.slice(lastWordEnd));
  return { words, hash };
}

/** What the label words before a run say. */
function labelVerdict(text: string, pos: number): LeadVerdict {
  const { words, hash } = precedingPhrase(text, pos);
  let sawId = hash;
  let sawIdWord = false;
  for (let k = words.length - 1, seen = 0; k >= 0 && seen < 5; k--, seen++) {
    const { word, punctuated, countryPrefix } = words[k] ?? {
      word: '',
      punctuated: false,
      countryPrefix: false,
    };
    // "TVA FR 12 …": the label before an id's country prefix is the id's label.
    if (countryPrefix && k === words.length - 1 && classifyWord(word) === 'other') continue;
    // "No. 12345" is a number sign; Portuguese and Spanish "no" ("retorno no (21)…") is not.
    const kind = word === 'no' && !punctuated ? 'other' : classifyWord(word);
    // "Phone no.", "Tel. #" name a phone number; "Call ID", "Contact ID" name a record —
    // except "Caller ID", which is the calling number.
    if (kind === 'phone') return sawIdWord && word !== 'caller' ? 'reject' : 'phone';
    if (kind === 'reject') return 'reject';
    if (kind === 'id') {
      sawId = true;
      if (word === 'id' || word === 'ident') sawIdWord = true;
      continue;
    }
    if (kind === 'entity') {
      if (sawId) return 'reject';
      break;
    }
    if (kind === 'neutral-modifier') continue;
    break;
  }
  return sawId ? 'reject' : 'neutral';
}

/** Judges the text before a run starting at `start`. */
export function leadingContext(text: string, start: number): LeadVerdict {
  const prev = text[start - 1];
  const prevPrev = text[start - 2];
  const first = text[start];
  // A run opening with "(" or "+" is set apart from a word before it ("abc(415)…", "É+1…").
  const opensWithPunctuation =
    first === '(' || first === '+' || first === '\uFF08' || first === '\uFF0B';
  if (glues(prev) && !(opensWithPunctuation && !isDigitChar(prev))) return 'reject';
  if (prev !== undefined && isDashChar(prev)) {
    // "My number-415…" or "Tel-0301…" introduce a number; "INV-2024…" and "ORD-415…" do not.
    const kind = classifyWord(wordBefore(text, start - 1));
    if (kind !== 'phone' && kind !== 'neutral-modifier') return 'reject';
  }
  if (prev === ':' && isDigitChar(prevPrev)) return 'reject';
  if (prev !== undefined && CURRENCY.test(prev)) return 'amount';
  if (prev === ' ' && prevPrev !== undefined && CURRENCY.test(prevPrev)) return 'amount';
  if (prev !== undefined && GLUE_BEFORE.has(prev) && glues(prevPrev)) return 'reject';
  const label = labelVerdict(text, start);
  if (prev !== undefined && LABEL_GLUE.has(prev) && glues(prevPrev)) {
    // "Tel.030…", "T.+33…", "tel:+1…" are fine; "v2.4…", "ID:4155…" are not.
    return label === 'phone' ? 'phone' : 'reject';
  }
  return label;
}

const UNIT_AFTER = new RegExp(
  `^[${SPACE_CLASS}]?(?:[%‰°$€£¥₹₩₽¢]|(?:eur|usd|gbp|chf|jpy|cny|vnd|inr|brl|mxn|aud|cad|sek|nok|` +
    `dkk|pln|czk|huf|rub|try|zar|kr|zł|kg|km|cm|mm|mi|lbs?|oz|m²|bytes?|kb|mb|gb|tb|ms|sec|kwh|mwh|kw|` +
    `hrs?|times|units|pcs|stk|stück)(?![\\p{L}\\p{N}]))`,
  'iu',
);

/** True when the text after a run ending at `end` shows it is not a phone number. */
export function trailingRejects(text: string, end: number): boolean {
  const next = text[end];
  const nextNext = text[end + 1];
  if (next === undefined) return false;
  if (glues(next)) return true;
  if (next === '@') return true;
  if (next === ':' && isDigitChar(nextNext)) return true;
  // A decimal comma ("12 345 678,90 €"); a CSV field after a number ("…,2024-03-15") is fine.
  if (next === ',' && /^,\d{1,2}(?!\d)/.test(text.slice(end, end + 4))) return true;
  // A full stop before a capital ends a sentence ("…7777.Nice day"); "…0187-A" is an id.
  if (next === '.' && nextNext !== undefined && /\p{Lu}/u.test(nextNext)) return false;
  if ((isDashChar(next) || next === '/' || next === '.' || next === '_') && glues(nextNext))
    return true;
  return UNIT_AFTER.test(text.slice(end, end + 8));
}

/**
 * True when the run starting at `start` continues an IBAN whose country code and check digits
 * came before it ("GB29 NWBK 6016 1331 9268 19"): at least one four-character block with a
 * letter between the "GB29" and the run.
 */
export function continuesIban(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return /(?:^|[^A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z0-9]{4})*[ \u00A0]?[A-Z0-9]*[A-Z][A-Z0-9]*[ \u00A0]?$/.test(
    before,
  );
}

const EXTENSION_WORD =
  '(?:extension|extn\\.?|ext\\.?|x\\.?|#|poste|durchwahl|dw\\.?|app\\.?|int\\.?|interno|ramal|内線)';
/**
 * An extension after a number: "x 204", "ext. 204", "#204", "/x204", ", ext 204", "Durchwahl
 * 12", "-Durchwahl 12"; a second one written as an alternative ("ext 3456/x12") belongs to it.
 */
const EXTENSION = new RegExp(
  `(?:[${SPACE_CLASS}]*[/,\\-])?[${SPACE_CLASS}]*${EXTENSION_WORD}` +
    `[${SPACE_CLASS}]*[:.]?[${SPACE_CLASS}]*([${DIGIT_CLASS}]{1,7})(?![${DIGIT_CLASS}])` +
    `(?:[${SPACE_CLASS}]*/[${SPACE_CLASS}]*(?:${EXTENSION_WORD}[${SPACE_CLASS}]*)?[${DIGIT_CLASS}]{1,7}(?![${DIGIT_CLASS}]))?`,
  'iy',
);

/** An extension written right after a number ending at `end`: its end offset and digits. */
export function extensionAt(text: string, end: number): { end: number; digits: string } | null {
  EXTENSION.lastIndex = end;
  const m = EXTENSION.exec(text);
  if (!m || m[1] === undefined) return null;
  let digits = '';
  for (const ch of m[1]) digits += String(digitValue(ch.charCodeAt(0)));
  return { end: end + m[0].length, digits };
}
