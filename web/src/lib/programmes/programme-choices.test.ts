import { describe, expect, it, vi } from 'vitest';
import { KINDS } from '../../../../data-import/src/org-data/kinds/kinds.ts';
import { parseValue } from '../../../../data-import/src/org-data/parse-value.ts';
import { KIND_GUIDES } from '$lib/imports/import-kind-guide';
import { isProgrammeChoiceList, programmeChoiceText } from './programme-choices';

// The catalogue's language follows this mock: each test sets it.
const locale = vi.hoisted(() => ({ current: 'hu' as 'hu' | 'en' }));
vi.mock('$lib/i18n/locale.svelte', () => ({ i18n: locale }));

/** Every column of the import page's guide that names a programme list, with the importer's own field. */
const columns = Object.values(KIND_GUIDES).flatMap((guide) =>
  guide.columns
    .filter((column) => column.valuesKey && isProgrammeChoiceList(column.valuesKey))
    .map((column) => ({ kind: guide.kind, field: column.field, list: column.valuesKey as Parameters<typeof programmeChoiceText>[0] })),
);

describe('the programme imports\' value lists on the import page', () => {
  it('cover every choice column of the programme kinds', () => {
    expect(columns.length).toBe(8);
  });

  it.each(['hu', 'en'] as const)('name only words the importer accepts (%s)', (language) => {
    locale.current = language;
    const refused: string[] = [];
    for (const { kind, field, list } of columns) {
      const type = KINDS[kind].fields[field]?.value;
      if (!type || (type.type !== 'choice' && type.type !== 'choices') || type.choices === 'institution-types') throw new Error(`${kind}.${field} is no choice`);
      for (const word of programmeChoiceText(list).split(' · ')) {
        if (!parseValue(word, type, type.choices).ok) refused.push(`${kind}.${field}: ${word}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
