import type { Layer } from '@deck.gl/core';
import { buildProgrammeLayers } from './programme-layers';
import type { ProgrammeMapScene } from './programme-scene';

/** The programme page's map layers (loaded lazily with deck.gl). */
export function buildProgrammeSceneLayers(scene: ProgrammeMapScene): Layer[] {
  return buildProgrammeLayers(scene.programmes);
}
