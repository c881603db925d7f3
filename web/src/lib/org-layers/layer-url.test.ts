import { describe, expect, it } from 'vitest';
import { mapLinkFor } from './layer-url';

describe('mapLinkFor', () => {
  it('links the dashboard with the kind\'s layer on, zoomed to the import', () => {
    expect(mapLinkFor('segregated-areas', 4)).toBe('/?layers=segregated-areas&import=4');
    expect(mapLinkFor('unknown', null)).toBe('/');
  });
});
