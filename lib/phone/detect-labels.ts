/** A set of the whitespace-separated words of `list`; lines starting with "#" are comments. */
function words(list: string): Set<string> {
  const lines = list.split('\n').filter((line) => !line.trim().startsWith('#'));
  return new Set(lines.join(' ').split(/\s+/).filter(Boolean));
}

/**
 * Words that, written just before a digit run, say what the run is. Lower-case, NFKC-folded.
 * Phone words win over everything; "reject" words mark ids, money, dates and places; id
 * modifiers ("no.", "#", "ID") reject on their own or after an entity noun ("Customer ID").
 */

export const PHONE_WORDS = words(`
  tel tél tele telephone téléphone telefon telefone teléfono telefono telefoon telefonu telf
  tfno tlf tlfn fon fono phone phones ph mob mobile mobil móvil movil cell cellphone cel
  celular cellulare portable handy gsm kom komórka fax telefax call calls callback caller dial
  ring sms text whatsapp viber signal contact direct direkt dd ddi did office hotline helpline
  support switchboard reception desk home work voice puh тел телефон моб t m f p h w o zentrale
  fixe bureau oficina ufficio escritório rückruf anrufen rappeler llamar chiamare ligar
  terugbellen bellen
`);

export const REJECT_WORDS = words(`
  # documents and transactions
  invoice invoices inv order orders ord po ref refs reference references ticket tickets case
  quote quotation claim policy booking reservation confirmation contract receipt transaction
  txn tx shipment tracking awb parcel consignment sku ean upc gtin isbn issn asin serial sn
  batch lot model part meeting webinar passcode password pwd code pin otp
  # banking, tax and identity numbers
  iban bic swift account acct acc routing aba sort bsb abn acn ein gst vat tax tin ssn nhs nino
  passport licence license siret siren aadhaar pan cpf cnpj rfc curp dni nif nie cif konto blz
  ust idnr steuernummer tva iva mrn nhi medicare
  # money
  amount total subtotal price cost qty quantity usd eur gbp chf jpy cny inr rs vnd brl mxn aud
  cad sek nok dkk pln kr
  # dates, places, versions, machines
  date dated dob born né née birthday zip postcode postal plz cep version ver build release
  firmware v lat lng lon latitude longitude gps coords coordinates ip mac uuid guid hash
  checksum
  # other languages
  rechnung bestellung auftrag vertrag faktura fatura rachunek lasku facture commande référence dossier pedido factura
  referencia expediente fattura ordine riferimento pratica factuur bestelling referentie zaak
`);

/** Nouns that name a record; they reject only with an id modifier ("Customer ID 0612345678"). */
export const ENTITY_WORDS = words(`
  customer client member employee patient user student document doc record request file job
  item product device asset kunden cliente klant mitglied
`);

export const ID_MODIFIERS = new Set(['no', 'nr', 'n°', 'nº', 'id', 'num', 'nro', 'núm', 'ident']);
/** Words skipped between a label and its number: "case number is 4155550132". */
export const NEUTRAL_MODIFIERS = words(`
  number nummer numéro número numero numer n de of is was are ist est es è your our the
`);

/** German and Dutch compounds: "Kundennummer" rejects, "Telefonnummer" is a phone label. */
const PHONE_COMPOUND_STEMS = [
  ...words(`telefon telefoon ruf handy fax mobil tel durchwahl nebenstelle`),
];
const COMPOUND_SUFFIXES = ['nummer', 'nr'];

/** Scripts written without spaces: a label is a substring there, not a word. */
const CJK_PHONE = [...words(`電話 电话 携帯 手机 手機 전화 휴대폰 連絡 联系 tel fax`)];
const CJK_REJECT = [...words(`注文 請求 订单 發票 发票 郵便 〒 口座 账号 주문 계좌`)];
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export type WordClass = 'phone' | 'reject' | 'entity' | 'id' | 'neutral-modifier' | 'other';

/** Classifies one word (already lower-cased and NFKC-folded). */
export function classifyWord(word: string): WordClass {
  if (PHONE_WORDS.has(word)) return 'phone';
  if (REJECT_WORDS.has(word)) return 'reject';
  if (ID_MODIFIERS.has(word)) return 'id';
  if (ENTITY_WORDS.has(word)) return 'entity';
  if (NEUTRAL_MODIFIERS.has(word)) return 'neutral-modifier';
  if (CJK_RE.test(word)) {
    if (CJK_PHONE.some((w) => word.includes(w))) return 'phone';
    if (CJK_REJECT.some((w) => word.includes(w))) return 'reject';
    return 'other';
  }
  for (const suffix of COMPOUND_SUFFIXES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      return PHONE_COMPOUND_STEMS.some((s) => stem.endsWith(s) || stem.startsWith(s))
        ? 'phone'
        : 'reject';
    }
  }
  return 'other';
}
