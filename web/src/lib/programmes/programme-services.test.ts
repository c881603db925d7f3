import { describe, expect, it } from 'vitest';
import type { ProjectDetail } from '@terep/db/contract';
import { servicesByPalette } from './programme-services';

const service = (key: string, palette: 'social' | 'community' | 'competence-development' | null) => ({ key, name: { hu: key, en: key }, palette });
const project = (services: ReturnType<typeof service>[]) => ({ services }) as unknown as ProjectDetail;

describe('services by palette', () => {
  it('lists each service once, grouped in the palette order, the ordinary types last', () => {
    const groups = servicesByPalette([
      project([service('tanoda', 'competence-development'), service('family-support', null)]),
      project([service('community-house', 'community'), service('tanoda', 'competence-development')]),
    ]);
    expect(groups.map((group) => [group.palette, group.services.map((entry) => entry.key)])).toEqual([
      ['community', ['community-house']],
      ['competence-development', ['tanoda']],
      ['other', ['family-support']],
    ]);
  });
});
