import { describe, expect, it } from 'vitest';
import { legendRows, wrapWords, type LegendText } from './legend';

const text: LegendText = {
  title: 'Népességváltozás',
  subtitle: '% · 2024',
  noDataLabel: 'Nincs adat',
  showNoData: true,
  noDataColor: '#ccc',
  formatValue: (value) => String(value),
  labelOf: (label) => label.hu,
};

describe('legendRows', () => {
  it('labels classes by their range and adds a no-data row', () => {
    const rows = legendRows(
      {
        kind: 'bins',
        bins: [
          { color: '#a', from: 0, to: 5 },
          { color: '#b', from: 5, to: 5 },
        ],
      },
      text,
    );
    expect(rows.map((row) => row.label)).toEqual(['0 – 5', '5', 'Nincs adat']);
  });

  it('labels categories by their label in the UI language', () => {
    const rows = legendRows(
      { kind: 'categories', categories: [{ color: '#a', value: 1, label: { hu: 'Van', en: 'Present' } }] },
      { ...text, showNoData: false },
    );
    expect(rows).toEqual([{ color: '#a', label: 'Van' }]);
  });
});

describe('wrapWords', () => {
  it('breaks long titles between words', () => {
    expect(wrapWords('Járási komplex fejlettségi mutató (290/2014)', 20)).toEqual([
      'Járási komplex',
      'fejlettségi mutató',
      '(290/2014)',
    ]);
  });
});
