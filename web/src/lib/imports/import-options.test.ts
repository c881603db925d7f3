import { describe, expect, it } from 'vitest';
import { buildImportForm, DEFAULT_IMPORT_OPTIONS, hasAcceptedExtension } from './import-options';

const file = new File(['Név;Típus\r\n'], 'intezmenyek.csv', { type: 'text/csv' });

describe('buildImportForm', () => {
  it('sends a dry run with the detection left to the server', () => {
    const form = buildImportForm({ kind: 'institutions', file, options: DEFAULT_IMPORT_OPTIONS, importedBy: '  ', dryRun: true });
    expect(form.get('dryRun')).toBe('true');
    expect(form.get('policy')).toBe('all-or-nothing');
    expect(form.has('encoding')).toBe(false);
    expect(form.has('delimiter')).toBe(false);
    expect(form.has('importedBy')).toBe(false);
    expect((form.get('file') as File).name).toBe('intezmenyek.csv');
  });

  it('sends a real run with the chosen encoding, delimiter, policy and importer', () => {
    const form = buildImportForm({
      kind: 'institutions',
      file,
      options: { encoding: 'windows-1250', delimiter: '\t', policy: 'skip-invalid' },
      importedBy: ' Kovács Anna ',
      dryRun: false,
    });
    expect(Object.fromEntries([...form.entries()].filter(([name]) => name !== 'file'))).toEqual({
      dryRun: 'false',
      policy: 'skip-invalid',
      encoding: 'windows-1250',
      delimiter: '\t',
      importedBy: 'Kovács Anna',
    });
  });
});

describe('hasAcceptedExtension', () => {
  it('accepts the formats the importer reads, in any case', () => {
    expect(['a.CSV', 'b.xlsx', 'c.geojson', 'd.json', 'e.shp.zip', 'f.gpkg'].every(hasAcceptedExtension)).toBe(true);
    expect(hasAcceptedExtension('old.xls')).toBe(false);
  });
});
