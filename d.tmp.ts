import { findPhoneNumbers } from './lib/phone/detect.ts';
for (const [t, r] of [
  ['415-666-7777.Nice day', 'US'], ['My number-415-666-7777', 'US'], ['$20 415-666-7777', 'US'],
  ['651-234-2345/332-445-1234', 'US'], ['(800) 901-3355 x 7246433', 'US'], ['03 331 6005 ext 3456/x12', 'NZ'],
  ['+1800-123-4567', 'US'], ['Call 1-800-FLOWERS today', 'US'], ['030 1234567-89', 'DE'], ['Tel. 030 23125-456 Durchwahl 12', 'DE'],
  ['030 23125 456-Durchwahl 12', 'DE'], ['(212) 555-0176; (415) 555-0132, 312-555-0148', 'US'], ['(212) 555-0176 #204', 'US'], ['212-555-0176/x204', 'US'],
] as const) console.log(JSON.stringify(t), JSON.stringify(findPhoneNumbers(t, r).map((m) => [m.raw, m.e164, m.extension])));
