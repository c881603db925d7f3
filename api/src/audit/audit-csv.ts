import type { AuditAction, AuditEntry, AuditObjectKind } from '@terep/db';
import { excelCsv } from '../csv/excel-csv.ts';

const HEADERS = ['Időpont (Budapest)', 'Időpont (UTC)', 'Felhasználó', 'Felhasználó azonosító', 'Művelet', 'Objektum', 'Objektum azonosító', 'Előtte', 'Utána'];

const ACTIONS: Record<AuditAction, string> = {
  create: 'létrehozás', update: 'módosítás', delete: 'törlés', withdraw: 'visszavonás', import: 'importálás', rollback: 'import visszavonása',
  load: 'betöltés', remove: 'eltávolítás', start: 'indítás', disable: 'letiltás', enable: 'engedélyezés', rescope: 'jogkör módosítása',
  'password-reset': 'jelszó visszaállítása', 'password-change': 'jelszócsere',
  cancel: 'lemondás', commit: 'lekötés', dispatch: 'kiszállításra indítás', deliver: 'kézbesítés',
  revoke: 'megosztás visszavonása',
};

const KINDS: Record<AuditObjectKind, string> = {
  import: 'import', 'need-signal': 'szükségletjelzés', settings: 'beállítások', user: 'felhasználó', plan: 'telephelyterv',
  route: 'útvonal', 'road-network': 'úthálózat', 'need-index': 'szükségletindex',
  programme: 'program', project: 'projekt', activity: 'tevékenység', partner: 'partnerszervezet', network: 'segítői hálózat',
  'donation-item': 'adománytétel', 'stock-movement': 'készletmozgás', 'donation-offer': 'adományfelajánlás', 'donation-request': 'adománykérés',
  allocation: 'elosztás', view: 'mentett nézet', story: 'történet', 'share-link': 'megosztási hivatkozás',
};

/** Local time as Hungarian Excel reads a date-time cell. */
const budapest = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The trail as a Hungarian Excel opens it: UTF-8 with BOM, `;` between cells, CRLF lines. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => [
    budapest.format(new Date(entry.at)),
    entry.at,
    entry.username,
    entry.userId ?? '',
    ACTIONS[entry.action] ?? entry.action,
    KINDS[entry.objectKind] ?? entry.objectKind,
    entry.objectId ?? '',
    json(entry.before),
    json(entry.after),
  ].map((cell) => String(cell)));
  return excelCsv([HEADERS, ...rows]);
}
