import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../i18n/dictionary';
import { describeOrgHit } from './org-tooltip';

const context = { locale: 'hu' as const, t: (key: MessageKey, params?: MessageParams) => translate('hu', key, params) };

describe('describeOrgHit', () => {
  it('never shows a small count exactly', () => {
    const content = describeOrgHit(
      {
        layer: 'need-signals',
        properties: {
          settlementCode: '13277', name: 'Ózd', households: null, householdsBelowThreshold: true, persons: 12500,
          personsBelowThreshold: false, categories: ['heating', 'food'], urgent: true, latest: '2025-01-11',
        },
      },
      context,
    );
    expect(content.title).toBe('Ózd');
    expect(content.rows).toEqual([
      { label: 'Háztartások', value: '<5' },
      { label: 'Személyek', value: '12\u00a0500' },
      { label: 'Szükséglet', value: 'Fűtés, Élelmiszer' },
      { label: 'Sürgős', value: 'igen' },
      { label: 'Legutóbbi jelzés', value: '2025. 01. 11.' },
    ]);
  });

  it('describes an institution by its type and leaves out what is not known', () => {
    const content = describeOrgHit(
      {
        layer: 'institutions',
        properties: {
          id: 1, name: 'Cigándi Szociális Konyha', type: 'social-kitchen', typeName: { hu: 'Szociális konyha / étkeztetés', en: 'Social kitchen' },
          address: null, settlementCode: '03939', settlementName: 'Cigánd', capacity: 12500, operator: null, importId: 3, placedAtCentre: false,
        },
      },
      context,
    );
    expect(content.subtitle).toBe('Szociális konyha / étkeztetés');
    expect(content.rows).toEqual([
      { label: 'Település', value: 'Cigánd' },
      { label: 'Férőhely', value: '12\u00a0500' },
    ]);
    expect(content.note).toBeNull();
  });

  it('says when a point stands at its settlement\'s centre rather than at an address', () => {
    const content = describeOrgHit(
      {
        layer: 'warehouses',
        properties: {
          id: 5, name: 'Miskolci raktár', address: null, settlementCode: '30456', settlementName: 'Miskolc', countyCode: '05',
          countyName: 'Borsod-Abaúj-Zemplén', capacity: 800, importId: 6, placedAtCentre: true,
        },
      },
      context,
    );
    expect(content.note).toBe('Hely: a település központja (az importált sorban nem volt koordináta).');
  });

  it('shows a segregated area\'s small population as "<5" and its shares in percent', () => {
    const content = describeOrgHit(
      {
        layer: 'segregated-areas',
        properties: {
          id: 2, name: 'Bolyok', settlementCode: '13277', settlementName: 'Ózd', population: null, populationBelowThreshold: true,
          lowEducationShare: 62.5, noRegularIncomeShare: null, source: 'ITS', year: 2021, repaired: true, importId: 4,
        },
      },
      context,
    );
    expect(content.rows).toEqual([
      { label: 'Népesség', value: '<5' },
      { label: 'Alacsony végzettségűek', value: '62,5%' },
      { label: 'Forrás', value: 'ITS, 2021' },
    ]);
    expect(content.note).toBe('A poligont importáláskor javítottuk.');
  });
});
