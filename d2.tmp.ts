import metadata from 'libphonenumber-js/min/metadata';
import { readRecordHints } from './lib/phone/record-hints.ts';
console.log(readRecordHints('Tel. 030 23125-456 Durchwahl 12', metadata));
console.log(readRecordHints('030 23125-456', metadata));
