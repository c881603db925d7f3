import { describe, expect, it } from 'vitest';
import type { SessionUser } from './accounts-types';
import { IMPORT_KINDS, ROLES } from '@terep/db/contract';
import { ROUTE_RULES } from '../../../../api/src/auth/route-rules.ts';
import { canOpen, importKindsFor, redirectFor, RESTRICTED_PAGES } from './page-access';

const admin: SessionUser = { id: 1, username: 'admin', role: 'admin', counties: [], mustChangePassword: false };
const viewer: SessionUser = { ...admin, id: 2, username: 'nezo', role: 'viewer' };
const at = (path: string) => new URL(path, 'http://terep.test');

describe('redirectFor', () => {
  it('sends a visitor without a session to the login page and back', () => {
    expect(redirectFor(null, at('/analysis?level=county'))).toBe('/login?next=%2Fanalysis%3Flevel%3Dcounty');
    expect(redirectFor(null, at('/'))).toBe('/login');
  });

  it('keeps a user with a one-time password on the login page', () => {
    expect(redirectFor({ ...viewer, mustChangePassword: true }, at('/planning'))).toBe('/login?next=%2Fplanning');
    expect(redirectFor({ ...viewer, mustChangePassword: true }, at('/login?next=%2Fplanning'))).toBeNull();
  });

  it('sends a signed-in user from the login page to next, on this site only', () => {
    expect(redirectFor(admin, at('/login?next=%2Fimport'))).toBe('/import');
    expect(redirectFor(admin, at('/login?next=https%3A%2F%2Fevil.example'))).toBe('/');
    expect(redirectFor(admin, at('/login?next=%2F%2Fevil.example'))).toBe('/');
    expect(redirectFor(null, at('/login'))).toBeNull();
  });

  it('keeps other roles off the admin pages', () => {
    expect(canOpen('viewer', '/admin/users')).toBe(false);
    expect(redirectFor(viewer, at('/admin/users'))).toBe('/');
    expect(redirectFor(admin, at('/admin/users'))).toBeNull();
  });
});

describe('RESTRICTED_PAGES', () => {
  it('lets a role open a page exactly when the server lets it make the page’s call', () => {
    for (const [path, { needs, roles }] of Object.entries(RESTRICTED_PAGES)) {
      expect(ROUTE_RULES[needs], `${path} needs ${needs}`).toEqual(roles);
    }
  });

  it('offers each role the kinds of import the server takes from it', () => {
    // The page offers a kind exactly when the server's rule for that import lets the role in.
    for (const role of ROLES) {
      for (const kind of IMPORT_KINDS) {
        expect(importKindsFor(role).includes(kind), `${role} ${kind}`).toBe(ROUTE_RULES[`POST /api/imports/${kind}`]!.includes(role));
      }
    }
    expect(importKindsFor('regional')).toEqual(['segregated-areas', 'need-signals', 'programmes', 'partners', 'network-members', 'cases', 'activities']);
    expect(importKindsFor('logistics')).toEqual(['warehouses']);
  });

  it('hides the import page from viewers and the delivery page from regional staff', () => {
    expect(canOpen('viewer', '/import')).toBe(false);
    expect(canOpen('regional', '/import')).toBe(true);
    expect(canOpen('regional', '/logistics')).toBe(false);
    expect(canOpen('viewer', '/analysis')).toBe(true);
  });
});
