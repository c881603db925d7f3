import type { ProgrammeService, ProjectDetail, ServicePalette } from '@terep/db/contract';
import { SERVICE_PALETTES } from '@terep/db/contract';

export interface ServiceGroup {
  /** The palette, or 'other' for the ordinary institution types. */
  palette: ServicePalette | 'other';
  services: ProgrammeService[];
}

/** Every service the projects deliver, each once, grouped by palette in the palette's order. */
export function servicesByPalette(projects: readonly ProjectDetail[]): ServiceGroup[] {
  const unique = new Map<string, ProgrammeService>();
  for (const project of projects) for (const service of project.services) unique.set(service.key, service);
  const groups: ServiceGroup[] = [...SERVICE_PALETTES, 'other' as const].map((palette) => ({
    palette,
    services: [...unique.values()].filter((service) => (service.palette ?? 'other') === palette),
  }));
  return groups.filter((group) => group.services.length > 0);
}
