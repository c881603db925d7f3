import { decodeText } from './decode-text.ts';

/** dBASE language driver id of Windows-1250 (Central European), byte 29 of a .dbf header. */
const LDID_WINDOWS_1250 = 0xc8;

/**
 * The text encoding of a shapefile's attributes: what its .cpg names (Geofabrik
 * writes `UTF-8`; Hungarian QGIS and ArcGIS exports often `1250`), else the
 * .dbf's language driver, else UTF-8.
 */
export function shapefileEncoding(cpg: Uint8Array | undefined, dbf?: Uint8Array): string {
  const declared = cpg ? decodeText(cpg).text.trim().toLowerCase() : '';
  if (/1250/.test(declared)) return 'windows-1250';
  if (declared !== '') return declared;
  return dbf?.[29] === LDID_WINDOWS_1250 ? 'windows-1250' : 'utf-8';
}
