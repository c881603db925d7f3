import type { AuditEntry } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { auditCsv } from './audit-csv.ts';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 1, at: '2026-07-01T10:00:00.000Z', userId: 3, username: 'kovacs.anna', action: 'update', objectKind: 'need-signal',
  objectId: '12', before: { households: 3 }, after: { households: 7 }, ...patch,
});

describe('auditCsv', () => {
  it('writes what Hungarian Excel opens: BOM, semicolons, CRLF, local time beside UTC, Hungarian words', () => {
    const csv = auditCsv([entry({})]);
    expect(csv.startsWith('\uFEFFIdőpont (Budapest);Időpont (UTC);Felhasználó;')).toBe(true);
    const [, row] = csv.slice(1).split('\r\n');
    // Budapest is UTC+2 in July.
    expect(row).toBe('2026-07-01 12:00:00;2026-07-01T10:00:00.000Z;kovacs.anna;3;módosítás;szükségletjelzés;12;"{""households"":3}";"{""households"":7}"');
  });

  it('keeps a value that Excel would run as a formula as plain text', () => {
    const csv = auditCsv([entry({ username: '=HYPERLINK("http://x")', objectId: '@SUM(A1)', before: null, after: null })]);
    const [, row] = csv.slice(1).split('\r\n');
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain(";'@SUM(A1);");
  });
});
