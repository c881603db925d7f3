import { indicatorValues, listIndicators, type Engine, type IndicatorSummary, type UnitKind } from '@terep/db';
import { LRUCache } from 'lru-cache';
import { PerVersion, type DataVersionReader } from '../data-versions/data-version-reader.ts';
import { CachedAnswer } from '../http/cached-answer.ts';

/** The answer of `GET /api/indicators/:key`, serialised once: 3,177 settlement values are about 40 KB of JSON. */
export interface IndicatorValuesAnswer {
  year: number;
  answer: CachedAnswer;
}

/** JSON answers are worth brotli (a third smaller than identity, a tenth smaller than gzip). */
export const JSON_ENCODINGS = ['br', 'gzip'] as const;

/** Answers change only with the indicator data version, which the tag carries: revalidations get 304. */
export function versionTag(version: number, ...parts: (string | number)[]): string {
  return `"i${version}-${parts.map((part) => encodeURIComponent(String(part))).join('-')}"`;
}

/** Answers kept per indicator version (a few KB each at settlement level; keys × levels × years bound them). */
const MAX_VALUE_ANSWERS = 500;

/**
 * The indicator catalogue and value answers, built once per indicator data version: an import or
 * a saved need index bumps the version (trigger of migration 009) and the next read rebuilds.
 */
export class IndicatorReads {
  readonly #engine: Engine;
  readonly #versions: DataVersionReader;
  readonly #catalogue = new PerVersion<IndicatorSummary[]>();
  readonly #values = new LRUCache<string, Promise<IndicatorValuesAnswer | null>>({ max: MAX_VALUE_ANSWERS });

  constructor(engine: Engine, versions: DataVersionReader) {
    this.#engine = engine;
    this.#versions = versions;
  }

  /** The catalogue and the version it was built from (the version goes into ETags). */
  async catalogue(): Promise<{ version: number; indicators: IndicatorSummary[] }> {
    const { indicators: version } = await this.#versions.current();
    return { version, indicators: await this.#catalogue.get(version, () => listIndicators(this.#engine.db)) };
  }

  async values(key: string, level: UnitKind, year: number | undefined, version: number): Promise<IndicatorValuesAnswer | null> {
    const id = `${version}|${key}|${level}|${year ?? 'latest'}`;
    let answer = this.#values.get(id);
    if (!answer) {
      answer = indicatorValues(this.#engine.db, key, level, year)
        .then((result) => (result
          ? { year: result.year, answer: new CachedAnswer(JSON.stringify({ key, level, year: result.year, values: result.values }), versionTag(version, key, level, result.year), JSON_ENCODINGS) }
          : null));
      answer.catch(() => this.#values.delete(id));
      this.#values.set(id, answer);
    }
    return answer;
  }
}
