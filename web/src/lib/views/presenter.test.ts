import { describe, expect, it } from 'vitest';
import { presenterKey, stepHref } from './presenter-keys';

describe('presentation keys and steps', () => {
  it('steps with arrows, space and the page keys clickers send; Esc leaves', () => {
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown']) expect(presenterKey(key), key).toBe('next');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(presenterKey(key), key).toBe('previous');
    expect(presenterKey('Escape')).toBe('exit');
    expect(presenterKey('a')).toBeNull();
  });

  it('addresses a step by its page and query', () => {
    expect(stepHref({ page: '/', query: 'level=county' })).toBe('/?level=county');
    expect(stepHref({ page: '/analysis', query: '' })).toBe('/analysis');
  });
});
