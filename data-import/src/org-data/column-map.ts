import { foldName } from '@terep/db';

export interface FieldSpec {
  /** Header spellings that mean this field, compared accent- and case-insensitively. */
  aliases: readonly string[];
  required?: boolean;
}

/** Columns every point kind may use to say where a row is. */
export const LOCATION_FIELDS = {
  ksh: { aliases: ['ksh', 'ksh kod', 'ksh code', 'torzsszam', 'telepules ksh kod', 'helyseg ksh kodja', 'settlement code'] },
  settlement: { aliases: ['telepules', 'telepules neve', 'helyseg', 'helyseg neve', 'settlement', 'town', 'varos', 'kozseg'] },
  postcode: { aliases: ['irsz', 'iranyitoszam', 'postcode', 'postal code', 'zip'] },
  county: { aliases: ['megye', 'varmegye', 'county'] },
  lon: { aliases: ['lon', 'lng', 'long', 'longitude', 'hosszusag', 'foldrajzi hosszusag', 'wgs84 lon'] },
  lat: { aliases: ['lat', 'latitude', 'szelesseg', 'foldrajzi szelesseg', 'wgs84 lat'] },
  eovY: { aliases: ['eov y', 'eovy', 'eov_y', 'y eov', 'eov kelet', 'easting'] },
  eovX: { aliases: ['eov x', 'eovx', 'eov_x', 'x eov', 'eov eszak', 'northing'] },
  x: { aliases: ['x', 'x koordinata', 'coord x'] },
  y: { aliases: ['y', 'y koordinata', 'coord y'] },
} satisfies Record<string, FieldSpec>;

export type ColumnMap<K extends string> = Partial<Record<K, string>>;

/** Finds, for each field, the file's column whose header matches one of its aliases. */
export function mapColumns<K extends string>(columns: readonly string[], fields: Record<K, FieldSpec>): ColumnMap<K> {
  const byFolded = new Map(columns.map((column) => [foldName(column.replace(/_/g, ' ')), column]));
  const map: ColumnMap<K> = {};
  for (const [field, spec] of Object.entries(fields) as [K, FieldSpec][]) {
    for (const alias of spec.aliases) {
      const column = byFolded.get(foldName(alias.replace(/_/g, ' ')));
      if (column !== undefined) {
        map[field] = column;
        break;
      }
    }
  }
  return map;
}

/** Headers that suggest personal data: need signals are counts and must never carry names or ethnicity. */
const PERSONAL_HEADERS = ['nev', 'csaladnev', 'keresztnev', 'vezeteknev', 'name', 'full name', 'first name', 'last name', 'surname',
  'szemelyi szam', 'taj', 'taj szam', 'anyja neve', 'szuletesi datum', 'date of birth', 'etnikum', 'etnikai', 'nemzetiseg', 'ethnicity',
  'roma', 'cigany', 'telefon', 'phone', 'email', 'e mail', 'lakcim', 'home address'];

export function personalDataColumns(columns: readonly string[]): string[] {
  return columns.filter((column) => PERSONAL_HEADERS.includes(foldName(column.replace(/_/g, ' '))));
}
