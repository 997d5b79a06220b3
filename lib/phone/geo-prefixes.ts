/**
 * Coarse locations from geographic national prefixes, for a few countries where the prefix says
 * something certain: the area (or major city) of a fixed line. Mobile and non-geographic numbers
 * are never located this way (callers check the number type first). Where a prefix maps to one
 * zone inside a multi-zone country, the zone is given too (Australia).
 *
 * Covered: AU (all four geographic codes), FR (five zones), GB, DE, NL, IT, ES, JP, IN (the
 * largest cities), BR and MX (the largest area codes; mobiles are geographic there too).
 */
interface GeoPrefix {
  place: string;
  timeZone?: string;
}

type Table = ReadonlyArray<readonly [prefix: string, place: string, timeZone?: string]>;

const TABLES: Readonly<Record<string, Table>> = {
  AU: [
    ['2', 'New South Wales and ACT', 'Australia/Sydney'],
    ['3', 'Victoria and Tasmania', 'Australia/Melbourne'],
    ['7', 'Queensland', 'Australia/Brisbane'],
    ['8', 'Western Australia, South Australia and Northern Territory'],
  ],
  FR: [
    ['1', 'Île-de-France'],
    ['2', 'North-West France'],
    ['3', 'North-East France'],
    ['4', 'South-East France'],
    ['5', 'South-West France'],
  ],
  GB: [
    ['20', 'London'],
    ['113', 'Leeds'],
    ['114', 'Sheffield'],
    ['115', 'Nottingham'],
    ['116', 'Leicester'],
    ['117', 'Bristol'],
    ['118', 'Reading'],
    ['121', 'Birmingham'],
    ['131', 'Edinburgh'],
    ['141', 'Glasgow'],
    ['151', 'Liverpool'],
    ['161', 'Manchester'],
    ['191', 'Tyneside'],
    ['28', 'Northern Ireland'],
    ['29', 'Cardiff'],
  ],
  DE: [
    ['30', 'Berlin'],
    ['40', 'Hamburg'],
    ['69', 'Frankfurt am Main'],
    ['89', 'Munich'],
    ['221', 'Cologne'],
    ['211', 'Düsseldorf'],
    ['711', 'Stuttgart'],
    ['341', 'Leipzig'],
    ['351', 'Dresden'],
    ['911', 'Nuremberg'],
    ['511', 'Hanover'],
    ['421', 'Bremen'],
  ],
  NL: [
    ['20', 'Amsterdam'],
    ['10', 'Rotterdam'],
    ['70', 'The Hague'],
    ['30', 'Utrecht'],
  ],
  // Italian fixed lines keep their leading 0 inside the national number.
  IT: [
    ['02', 'Milan'],
    ['06', 'Rome'],
    ['011', 'Turin'],
    ['081', 'Naples'],
    ['055', 'Florence'],
  ],
  ES: [
    ['91', 'Madrid'],
    ['93', 'Barcelona'],
    ['95', 'Andalusia'],
    ['96', 'Valencian Community'],
    ['968', 'Murcia'],
  ],
  JP: [
    ['3', 'Tokyo'],
    ['6', 'Osaka'],
    ['52', 'Nagoya'],
    ['11', 'Sapporo'],
    ['92', 'Fukuoka'],
    ['45', 'Yokohama'],
    ['75', 'Kyoto'],
  ],
  IN: [
    ['11', 'Delhi'],
    ['22', 'Mumbai'],
    ['80', 'Bengaluru'],
    ['44', 'Chennai'],
    ['33', 'Kolkata'],
    ['40', 'Hyderabad'],
    ['20', 'Pune'],
  ],
  MX: [
    ['55', 'Mexico City'],
    ['33', 'Guadalajara'],
    ['81', 'Monterrey'],
  ],
  BR: [
    ['11', 'São Paulo'],
    ['21', 'Rio de Janeiro'],
    ['31', 'Belo Horizonte'],
    ['61', 'Brasília'],
    ['41', 'Curitiba'],
    ['51', 'Porto Alegre'],
    ['71', 'Salvador'],
    ['81', 'Recife'],
  ],
};

/** Countries whose mobile numbers carry a geographic area code (so mobiles are located too). */
export const GEOGRAPHIC_MOBILES: ReadonlySet<string> = new Set(['BR', 'MX']);

/** The place a fixed-line national number is in, by its longest known prefix. */
export function geoPrefix(country: string, nationalNumber: string): GeoPrefix | undefined {
  const table = TABLES[country];
  if (!table) return undefined;
  let best: (typeof table)[number] | undefined;
  for (const row of table) {
    if (nationalNumber.startsWith(row[0]) && (!best || row[0].length > best[0].length)) best = row;
  }
  if (!best) return undefined;
  return best[2] ? { place: best[1], timeZone: best[2] } : { place: best[1] };
}
