/**
 * Capitals and the largest cities of the countries whose numbers CRM records most often carry,
 * in their own spelling and in English: a record's address names its country by its city even
 * when no country is written ("Unter den Linden 77, 10117 Berlin"). Names that are also first
 * names or large places elsewhere (Sydney, Victoria, Adelaide, Florence) are left out.
 */
import type { CountryCode } from 'libphonenumber-js/core';
import { addPrefixes } from './country-names.ts';

const CITIES: Record<string, string> = {
  GB: 'london, manchester, birmingham, leeds, glasgow, edinburgh, liverpool, bristol, cardiff, belfast, sheffield, newcastle, nottingham',
  IE: 'dublin, cork, galway, limerick',
  DE: 'berlin, hamburg, münchen, munich, köln, cologne, frankfurt, stuttgart, düsseldorf, dortmund, essen, leipzig, bremen, dresden, hannover, nürnberg, nuremberg',
  AT: 'wien, vienna, graz, linz, salzburg, innsbruck',
  CH: 'zürich, zurich, genève, geneva, genf, basel, bern, lausanne, luzern, lugano',
  FR: 'paris, marseille, lyon, toulouse, nice, nantes, strasbourg, montpellier, bordeaux, lille, rennes',
  BE: 'bruxelles, brussel, brussels, antwerpen, anvers, antwerp, gent, gand, ghent, liège, charleroi, brugge',
  NL: 'amsterdam, rotterdam, utrecht, eindhoven, groningen, den haag',
  LU: 'luxembourg',
  ES: 'madrid, barcelona, valencia, sevilla, seville, zaragoza, málaga, bilbao, palma',
  PT: 'lisboa, lisbon, porto, braga, coimbra, faro',
  IT: 'roma, rome, milano, milan, napoli, naples, torino, turin, palermo, genova, bologna, firenze, venezia, venice',
  SE: 'stockholm, göteborg, gothenburg, malmö, uppsala',
  NO: 'oslo, bergen, trondheim, stavanger',
  DK: 'københavn, copenhagen, aarhus, odense, aalborg',
  FI: 'helsinki, espoo, tampere, turku',
  PL: 'warszawa, warsaw, kraków, krakow, łódź, wrocław, poznań, gdańsk',
  CZ: 'praha, prague, brno, ostrava',
  HU: 'budapest, debrecen',
  GR: 'athína, thessaloniki',
  RO: 'bucurești, bucharest, cluj',
  TR: 'istanbul, ankara, izmir',
  RU: 'moskva, москва, petersburg',
  JP: 'tokyo, 東京, osaka, 大阪, yokohama, nagoya, sapporo, kyoto, kobe, fukuoka',
  KR: 'seoul, 서울, busan, 부산, incheon, daegu',
  CN: 'beijing, 北京, shanghai, 上海, guangzhou, shenzhen, chengdu, tianjin',
  HK: 'kowloon',
  TW: 'taipei, kaohsiung',
  SG: 'singapore',
  IN: 'mumbai, delhi, bengaluru, bangalore, chennai, kolkata, hyderabad, pune, ahmedabad',
  AU: 'melbourne, brisbane, perth, canberra, hobart, darwin',
  NZ: 'auckland, wellington, christchurch, dunedin',
  ZA: 'johannesburg, pretoria, durban, sandton, soweto',
  BR: 'brasília, salvador, fortaleza, curitiba, recife, manaus',
  MX: 'guadalajara, monterrey, puebla, tijuana, cancún',
  AR: 'córdoba, rosario, mendoza',
  CL: 'santiago, valparaíso',
  CO: 'bogotá, medellín, cali, barranquilla',
  PE: 'lima, arequipa',
  CA: 'toronto, montréal, montreal, vancouver, calgary, ottawa, edmonton, winnipeg, québec',
  IL: 'jerusalem, tel aviv, haifa',
  AE: 'dubai, abu dhabi, sharjah',
};

/** Two-word cities, matched as phrases. */
const PHRASES: Record<string, string> = {
  'são paulo': 'BR',
  'sao paulo': 'BR',
  'rio de janeiro': 'BR',
  'belo horizonte': 'BR',
  'buenos aires': 'AR',
  'mexico city': 'MX',
  'ciudad de méxico': 'MX',
  'cape town': 'ZA',
  'kuala lumpur': 'MY',
  'hong kong': 'HK',
  'frankfurt am main': 'DE',
  'new delhi': 'IN',
};

export const CITY_COUNTRIES: ReadonlyMap<string, CountryCode> = new Map(
  [
    ...Object.entries(CITIES).flatMap(([country, list]) =>
      list.split(',').map((city) => [city.trim(), country] as const),
    ),
    ...Object.entries(PHRASES),
  ].map(([city, country]) => [city, country as CountryCode]),
);

/** Every phrase a longer city name starts with. */
export const CITY_PREFIXES: ReadonlySet<string> = (() => {
  const prefixes = new Set<string>();
  for (const city of CITY_COUNTRIES.keys()) addPrefixes(prefixes, city);
  return prefixes;
})();
