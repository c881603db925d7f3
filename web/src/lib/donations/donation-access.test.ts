import { describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../../../api/src/auth/route-rules.ts';
import { RESTRICTED_PAGES } from '$lib/accounts/page-access';
import { canDo, DONATION_ACTIONS, DONATION_PAGES } from './donation-access';

describe('donation bank access', () => {
  it('lets a role use a control exactly when the server lets it make the control’s call', () => {
    for (const [action, { needs, roles }] of Object.entries(DONATION_ACTIONS)) {
      expect(ROUTE_RULES[needs], `${action} needs ${needs}`).toEqual(roles);
    }
  });

  it('links a part of the bank for the roles the page itself lets in', () => {
    for (const page of DONATION_PAGES) {
      const restricted = RESTRICTED_PAGES[page.href];
      if (restricted) expect(restricted.roles, page.href).toEqual(DONATION_ACTIONS[page.needs].roles);
    }
  });

  it('gives viewers the aggregates only, regional staff their requests, logistics the writes', () => {
    expect(DONATION_PAGES.filter((page) => canDo('viewer', page.needs)).map((page) => page.href)).toEqual(['/donations', '/donations/reports', '/donations/map']);
    expect(canDo('regional', 'recordRequest')).toBe(true);
    expect(canDo('regional', 'recordOffer')).toBe(false);
    expect(canDo('logistics', 'commit')).toBe(true);
    expect(canDo('planner', 'allocate')).toBe(false);
    expect(canDo(undefined, 'viewStock')).toBe(false);
  });
});
