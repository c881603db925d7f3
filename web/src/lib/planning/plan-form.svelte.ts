import { DEFAULT_REACH, type DemandWeightKind, type PlanMethod, type PlanModel, type PlanRequestBody, type TravelUnit } from '@terep/db/contract';

export type CandidateMode = 'all' | 'list' | 'county';

const NEEDS_P: Record<PlanModel, boolean> = { pmedian: true, mclp: true, lscp: false, pcenter: true };
const NEEDS_REACH: Record<PlanModel, boolean> = { pmedian: false, mclp: true, lscp: true, pcenter: false };

/** KSH settlement codes in pasted text (one per line, separated by commas, or inside a table row). */
export function parseSettlementCodes(text: string): string[] {
  return [...new Set(text.match(/\b\d{5}\b/g) ?? [])];
}

/** The planning panel's choices, and the request they make. */
export class PlanForm {
  model = $state<PlanModel>('pmedian');
  serviceType = $state('social-kitchen');
  /** Planning area: a county code, or '' for the whole country. */
  county = $state('');
  p = $state(3);
  unit = $state<TravelUnit>('km');
  reach = $state(DEFAULT_REACH.km);
  capacitated = $state(false);
  capacity = $state(5000);
  weight = $state<DemandWeightKind>('population');
  needIndex = $state('');
  signal = $state<'households' | 'persons'>('households');
  candidateMode = $state<CandidateMode>('all');
  candidateCounty = $state('');
  /** The chosen list, by KSH code (pasted or clicked on the map). */
  listCodes = $state.raw<string[]>([]);
  method = $state<PlanMethod>('auto');
  timeLimitSeconds = $state(60);
  name = $state('');

  get needsP(): boolean {
    return NEEDS_P[this.model];
  }

  get needsReach(): boolean {
    return NEEDS_REACH[this.model];
  }

  get allowsCapacity(): boolean {
    return this.model === 'pmedian' || this.model === 'mclp';
  }

  get needsIndex(): boolean {
    return this.weight === 'need-index' || this.weight === 'population-need-index';
  }

  setUnit(unit: TravelUnit): void {
    if (unit === this.unit) return;
    this.unit = unit;
    this.reach = DEFAULT_REACH[unit];
  }

  pasteCodes(text: string): void {
    this.listCodes = parseSettlementCodes(text);
  }

  toggleCode(code: string): void {
    this.listCodes = this.listCodes.includes(code) ? this.listCodes.filter((entry) => entry !== code) : [...this.listCodes, code];
  }

  /** Why the request cannot be sent yet, if it cannot (the server checks the rest). */
  get incomplete(): boolean {
    if (!this.serviceType) return true;
    if (this.needsP && !(Number.isInteger(this.p) && this.p >= 1)) return true;
    if (!(this.reach > 0)) return true;
    if (this.capacitated && this.allowsCapacity && !(this.capacity > 0)) return true;
    if (this.needsIndex && !this.needIndex) return true;
    if (this.candidateMode === 'list' && this.listCodes.length === 0) return true;
    if (this.candidateMode === 'county' && !this.candidateCounty) return true;
    return !(this.timeLimitSeconds > 0);
  }

  toBody(name: string): PlanRequestBody {
    const capacitated = this.capacitated && this.allowsCapacity;
    return {
      name,
      model: this.model,
      serviceType: this.serviceType,
      county: this.county || null,
      ...(this.needsP ? { p: this.p } : {}),
      ...(this.unit === 'km' ? { reachKm: this.reach } : { reachMinutes: this.reach }),
      capacitated,
      ...(capacitated ? { capacity: this.capacity } : {}),
      weight:
        this.weight === 'need-signals'
          ? { kind: 'need-signals', signal: this.signal }
          : this.needsIndex
            ? { kind: this.weight, needIndex: this.needIndex }
            : { kind: 'population' },
      candidates:
        this.candidateMode === 'list'
          ? { kind: 'list', codes: [...this.listCodes] }
          : this.candidateMode === 'county'
            ? { kind: 'county', county: this.candidateCounty }
            : { kind: 'all' },
      method: this.method,
      timeLimitSeconds: this.timeLimitSeconds,
    };
  }
}
