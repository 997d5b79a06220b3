/** One evaluation case: a text (a sentence, or a whole CRM record) and the numbers in it. */
export interface CorpusCase {
  /** Stable id; the tuned/held-out split is a hash of it. */
  id: string;
  /** Where the case comes from (printed per origin). */
  origin: string;
  text: string;
  /** The agent's region (the fallback for national numbers). */
  region?: string;
  /** The page's `lang`, when the case is a record on a page that declares one. */
  lang?: string;
  expected: ExpectedNumber[];
}

export interface ExpectedNumber {
  /** The number as written, without its extension. */
  raw: string;
  e164: string;
}
