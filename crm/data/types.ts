/** A phone number as it is written on a page, with what it means. */
export interface PhoneSample {
  /** Exactly the characters shown on the page. */
  text: string;
  /** The number in E.164 (no extension); null for internal extensions (DNs). */
  e164: string | null;
  /** Extension digits when the text carries one ("ext. 204", "x204"). */
  ext?: string;
  /** Internal directory number, for format 'internal'. */
  dn?: string;
  /** ISO 3166 country the number belongs to ('' for internal DNs). */
  region: string;
  format: PhoneFormat;
  /** True when a careful detector may still reasonably miss it (vanity letters, bare DNs). */
  hard?: boolean;
}

export type PhoneFormat =
  'national' | 'international' | 'e164' | 'extension' | 'vanity' | 'internal';

/** A string that looks numeric but is not a phone number. */
export interface LookAlike {
  text: string;
  category: LookAlikeCategory;
  /** True when the digits alone form a valid phone number: only the context says otherwise. */
  hard?: boolean;
}

export type LookAlikeCategory =
  | 'date'
  | 'time'
  | 'date-time'
  | 'duration'
  | 'invoice-number'
  | 'order-number'
  | 'case-number'
  | 'purchase-order'
  | 'tracking-number'
  | 'serial-number'
  | 'iban'
  | 'bank-account'
  | 'vat-number'
  | 'card-number'
  | 'digit-run'
  | 'price'
  | 'quantity'
  | 'postcode'
  | 'ip-address'
  | 'coordinates'
  | 'version';

export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  title: string;
  company: string;
  email: string;
  status: 'Active' | 'Prospect' | 'On hold' | 'Internal';
  region: string;
  country: string;
  city: string;
  postcode: LookAlike;
  phone: PhoneSample;
  mobile: PhoneSample | null;
  lastContact: LookAlike;
  customerSince: LookAlike;
  invoice: LookAlike;
  balance: LookAlike;
  reference: LookAlike;
  bankAccount: LookAlike;
  /** Free-text note, shown in an editable field on the contact page. */
  notes: string;
  /** The phone number quoted inside `notes`. */
  notesPhone: PhoneSample;
}

export interface ActivityItem {
  id: string;
  kind: 'call' | 'ticket' | 'email';
  at: LookAlike;
  contactId: string;
  contactName: string;
  number: PhoneSample;
  summary: string;
  /** Look-alikes quoted inside `summary`. */
  summaryLookAlikes: LookAlike[];
  reference: LookAlike;
  /** Call duration, or a ticket/email status word. */
  detail: LookAlike | string;
  /** The agent's internal DN that handled it. */
  agent: PhoneSample;
}
