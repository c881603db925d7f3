import { foldName, type ReferenceBook } from '@terep/db';
import type { KindSpec, ReferenceTarget } from './kinds/kind-spec.ts';
import type { SettlementLocator } from './locate/settlement-locator.ts';
import { splitList } from './parse-value.ts';
import { problem, type ImportProblem } from './problems.ts';

type Where = { row: number; location: string; column: string | null };
type Values = Record<string, string | number | null>;

/** A reference resolved: the id or code stored, and the county it lies in (when it has one). */
interface Resolved {
  value: string | number;
  countyCode: string | null;
}

/**
 * Resolves a programme row's names of stored things to ids and codes (settlements, districts and
 * segregated areas of an action area, partners, a project), and refuses rows whose key is stored
 * already or repeats in the file. Built once per file from a `ReferenceBook`.
 */
export class ReferenceResolver {
  private readonly districts = new Map<string, ReferenceBook['districts'][number]>();
  private readonly areas = new Map<string, ReferenceBook['segregatedAreas']>();
  private readonly partners = new Map<string, ReferenceBook['partners'][number]>();
  private readonly projects = new Map<string, number>();
  private readonly stored = new Set<string>();
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly spec: KindSpec,
    book: ReferenceBook,
    private readonly locator: SettlementLocator,
  ) {
    for (const district of book.districts) {
      this.districts.set(district.code, district);
      this.districts.set(district.nameFolded, district);
      this.districts.set(foldName(district.name.replace(/\s+járás$/i, '')), district);
      this.districts.set(foldName(`${district.name.replace(/\s+járás$/i, '')} járás`), district);
    }
    for (const area of book.segregatedAreas) {
      const key = foldName(area.name);
      this.areas.set(key, [...(this.areas.get(key) ?? []), area]);
    }
    for (const partner of book.partners) this.partners.set(foldName(partner.name), partner);
    for (const project of book.projects) this.projects.set(keyOf([project.programme, project.project]), project.id);
    for (const parts of book.storedKeys) this.stored.add(keyOf(parts));
  }

  /**
   * Replaces every reference field's text in `values` by what it names (lists joined by ";"),
   * reports what it cannot resolve, and returns the counties the row's references lie in.
   */
  resolve(values: Values, where: (field: string) => Where, problems: ImportProblem[]): string[] {
    const counties = new Set<string>();
    for (const [field, fieldSpec] of Object.entries(this.spec.fields)) {
      if (fieldSpec.value.type !== 'reference') continue;
      const text = values[field];
      if (typeof text !== 'string' || text === '') continue;
      const target = fieldSpec.value.to;
      const items = fieldSpec.value.many ? splitList(text) : [text];
      const resolved: (string | number)[] = [];
      for (const item of items) {
        const found = this.find(target, item, values, where(field), problems);
        if (!found) continue;
        resolved.push(found.value);
        if (found.countyCode) counties.add(found.countyCode);
      }
      values[field] = fieldSpec.value.many ? [...new Set(resolved)].join(';') : (resolved[0] ?? null);
    }
    this.checkKey(values, where, problems);
    return [...counties].sort();
  }

  private find(target: ReferenceTarget, item: string, values: Values, at: Where, problems: ImportProblem[]): Resolved | undefined {
    switch (target) {
      case 'network':
        return { value: item, countyCode: null };
      case 'settlement': {
        const byCode = /^\d{4,5}$/.test(item) ? this.locator.byKshCode(item) : undefined;
        if (byCode) return { value: byCode.code, countyCode: byCode.countyCode };
        const match = this.locator.byName(item, {});
        if (match.kind === 'found') return { value: match.settlement.code, countyCode: match.settlement.countyCode };
        if (match.kind === 'ambiguous') {
          const list = match.candidates.map((candidate) => `${candidate.name} (${candidate.code}, ${candidate.countyName})`).join('; ');
          problems.push(problem('error', 'AMBIGUOUS_SETTLEMENT', at, `„${item}” több településre illik: ${list}; adja meg a KSH-kódját`,
            `"${item}" matches several settlements: ${list}; give its KSH code`));
        } else {
          problems.push(problem('error', 'UNKNOWN_SETTLEMENT', at, `ismeretlen település: „${item}”`, `unknown settlement "${item}"`));
        }
        return undefined;
      }
      case 'district': {
        const district = this.districts.get(item.trim()) ?? this.districts.get(foldName(item));
        if (district) return { value: district.code, countyCode: district.countyCode };
        problems.push(problem('error', 'UNKNOWN_DISTRICT', at, `ismeretlen járás: „${item}” (adja meg a nevét, pl. „Ózdi járás”, vagy a kódját)`,
          `unknown district "${item}" (give its name, e.g. "Ózdi járás", or its code)`));
        return undefined;
      }
      case 'segregated-area': {
        const byId = /^#?\d+$/.test(item) ? [...this.areas.values()].flat().find((area) => area.id === Number(item.replace('#', ''))) : undefined;
        const candidates = byId ? [byId] : (this.areas.get(foldName(item)) ?? []);
        if (candidates.length === 1) return { value: candidates[0]!.id, countyCode: candidates[0]!.countyCode };
        if (candidates.length > 1) {
          const list = candidates.map((area) => `#${area.id} (${area.settlementName})`).join('; ');
          problems.push(problem('error', 'UNKNOWN_SEGREGATED_AREA', at, `több szegregátum neve „${item}”: ${list}; adja meg az azonosítóját (#szám)`,
            `several segregated areas are named "${item}": ${list}; give its id (#number)`));
        } else {
          problems.push(problem('error', 'UNKNOWN_SEGREGATED_AREA', at, `ismeretlen szegregátum: „${item}” (előbb töltse fel a szegregátumokat)`,
            `unknown segregated area "${item}" (import the segregated areas first)`));
        }
        return undefined;
      }
      case 'partner': {
        const partner = this.partners.get(foldName(item));
        if (partner) return { value: partner.id, countyCode: null };
        problems.push(problem('error', 'UNKNOWN_PARTNER', at, `ismeretlen partnerszervezet: „${item}” (előbb töltse fel a partnereket)`,
          `unknown partner organisation "${item}" (import the partners first)`));
        return undefined;
      }
      case 'project': {
        const programme = typeof values.programme === 'string' ? values.programme : '';
        const id = this.projects.get(keyOf([programme, item]));
        if (id !== undefined) return { value: id, countyCode: null };
        problems.push(problem('error', 'UNKNOWN_PROJECT', at, `ismeretlen projekt: „${item}” a(z) „${programme}” programban`,
          `unknown project "${item}" in the programme "${programme}"`));
        return undefined;
      }
    }
  }

  private checkKey(values: Values, where: (field: string) => Where, problems: ImportProblem[]): void {
    const fields = this.spec.uniqueKey;
    if (!fields) return;
    const parts = fields.map((field) => values[field]);
    if (parts.some((part) => part === null || part === undefined || part === '')) return;
    const key = keyOf(parts.map(String));
    const at = { ...where(fields[fields.length - 1]!) };
    const shown = parts.join(' / ');
    if (this.stored.has(key)) {
      problems.push(problem('error', 'DUPLICATE_KEY', at, `már szerepel az adatbázisban: ${shown}`, `already stored: ${shown}`));
      return;
    }
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      problems.push(problem('error', 'DUPLICATE_KEY', at, `a fájlban kétszer szerepel: ${shown} (először a(z) ${earlier}. sorban)`,
        `appears twice in the file: ${shown} (first in row ${earlier})`));
      return;
    }
    this.seen.set(key, at.row);
  }
}

function keyOf(parts: readonly string[]): string {
  return parts.map((part) => foldName(part)).join('\u0000');
}
