import { foldName, type SettlementKey } from '@terep/db';

export type NameMatch =
  | { kind: 'found'; settlement: SettlementKey; resolvedBy?: 'postcode' | 'county' }
  | { kind: 'ambiguous'; candidates: SettlementKey[] }
  | { kind: 'unknown'; suggestions: SettlementKey[] };

const ROMAN = new Map([['i', 1], ['v', 5], ['x', 10], ['l', 50]]);

function romanToNumber(text: string): number | undefined {
  let total = 0;
  for (let index = 0; index < text.length; index += 1) {
    const value = ROMAN.get(text[index]!);
    const next = ROMAN.get(text[index + 1] ?? '');
    if (value === undefined) return undefined;
    total += next !== undefined && next > value ? -value : value;
  }
  return total;
}

/**
 * "Budapest XI. kerület", "Bp. 11. ker.", "XI. ker", "budapest 11" → 11. The
 * gazetteer names the districts "Budapest 11. ker.".
 */
export function budapestDistrictNumber(name: string): number | undefined {
  const folded = foldName(name.replace(/\bbp\b\.?/i, 'budapest'));
  const match = /^(?:budapest\s*)?([ivxl]+|\d{1,2})\s*(?:kerulet|ker)?$/.exec(folded) ?? /^budapest\s+([ivxl]+|\d{1,2})\b/.exec(folded);
  if (!match) return undefined;
  const token = match[1]!;
  const number = /^\d+$/.test(token) ? Number(token) : romanToNumber(token);
  if (!folded.startsWith('budapest') && !/ker/.test(folded)) return undefined;
  return number !== undefined && number >= 1 && number <= 23 ? number : undefined;
}

/** Finds settlements by KSH code or by name, accent-insensitively, with postcode or county to break ties. */
export class SettlementLocator {
  private readonly byCode = new Map<string, SettlementKey>();
  private readonly byFolded = new Map<string, SettlementKey[]>();
  private readonly byBudapestDistrict = new Map<number, SettlementKey>();
  private readonly counties = new Map<string, string>();

  constructor(settlements: readonly SettlementKey[]) {
    for (const settlement of settlements) {
      this.byCode.set(settlement.code, settlement);
      const list = this.byFolded.get(settlement.nameFolded) ?? [];
      list.push(settlement);
      this.byFolded.set(settlement.nameFolded, list);
      const district = /^Budapest (\d{2})\. ker\.$/.exec(settlement.name);
      if (district) this.byBudapestDistrict.set(Number(district[1]), settlement);
      this.counties.set(settlement.countyCode, settlement.countyCode);
      this.counties.set(foldName(settlement.countyName), settlement.countyCode);
    }
  }

  /** A county by its 2-digit code or its name ("Csongrád-Csanád", "csongrad csanad"). */
  countyCode(text: string): string | undefined {
    const trimmed = text.trim();
    return this.counties.get(/^\d$/.test(trimmed) ? `0${trimmed}` : trimmed) ?? this.counties.get(foldName(trimmed));
  }

  byKshCode(code: string): SettlementKey | undefined {
    return this.byCode.get(code.trim().padStart(5, '0'));
  }

  byName(name: string, hints: { postcode?: string | undefined; county?: string | undefined } = {}): NameMatch {
    const district = budapestDistrictNumber(name);
    if (district !== undefined) {
      const settlement = this.byBudapestDistrict.get(district);
      if (settlement) return { kind: 'found', settlement };
    }
    const folded = foldName(name);
    const candidates = this.byFolded.get(folded) ?? [];
    if (candidates.length === 1) return { kind: 'found', settlement: candidates[0]! };
    if (candidates.length > 1) {
      // An exactly spelt name is not ambiguous: Komló and Kömlő differ once accents are kept.
      const exact = candidates.filter((candidate) => candidate.name.toLowerCase() === name.trim().toLowerCase());
      if (exact.length === 1) return { kind: 'found', settlement: exact[0]! };
      const postcode = hints.postcode?.trim();
      if (postcode) {
        const byPostcode = candidates.filter((candidate) => candidate.postcodes.includes(postcode));
        if (byPostcode.length === 1) return { kind: 'found', settlement: byPostcode[0]!, resolvedBy: 'postcode' };
      }
      const county = hints.county ? foldName(hints.county) : '';
      if (county) {
        const byCounty = candidates.filter((candidate) => foldName(candidate.countyName) === county || candidate.countyCode === hints.county?.trim());
        if (byCounty.length === 1) return { kind: 'found', settlement: byCounty[0]!, resolvedBy: 'county' };
      }
      return { kind: 'ambiguous', candidates };
    }
    return { kind: 'unknown', suggestions: this.suggest(folded) };
  }

  /** Up to three names that start like the unknown one, to help a person spot a typo. */
  private suggest(folded: string): SettlementKey[] {
    if (folded.length < 3) return [];
    const prefix = folded.slice(0, Math.max(3, Math.floor(folded.length * 0.6)));
    const found: SettlementKey[] = [];
    for (const [name, list] of this.byFolded) {
      if (name.startsWith(prefix)) found.push(...list);
      if (found.length >= 3) break;
    }
    return found.slice(0, 3);
  }
}
