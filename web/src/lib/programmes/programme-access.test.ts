import { describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../../../api/src/auth/route-rules.ts';
import { PROGRAMME_CREATORS } from './programme-access';

describe('programme access', () => {
  it('offers the new-programme form to exactly the roles the server lets create one', () => {
    expect(PROGRAMME_CREATORS).toEqual(ROUTE_RULES['POST /api/programmes']);
  });
});
