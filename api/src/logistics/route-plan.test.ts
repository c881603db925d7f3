import { describe, expect, it } from 'vitest';
import { nameVehicles } from './route-plan.ts';

describe('nameVehicles', () => {
  it('keeps the name of a kind with one van', () => {
    expect(nameVehicles([{ name: 'Teherautó' }], [{ name: 'Teherautó', count: 1 }])).toEqual(['Teherautó']);
  });

  it('numbers the vans of a kind with several', () => {
    const fleet = [{ name: 'Kisbusz', count: 3 }, { name: 'Teherautó', count: 1 }];
    expect(nameVehicles([{ name: 'Kisbusz' }, { name: 'Teherautó' }, { name: 'Kisbusz' }], fleet)).toEqual(['Kisbusz 1', 'Teherautó', 'Kisbusz 2']);
  });

  it('numbers kinds that share a name as one', () => {
    const fleet = [{ name: 'Kisbusz', count: 1 }, { name: 'Kisbusz', count: 1 }];
    expect(nameVehicles([{ name: 'Kisbusz' }, { name: 'Kisbusz' }], fleet)).toEqual(['Kisbusz 1', 'Kisbusz 2']);
  });
});
