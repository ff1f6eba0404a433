import type { components } from '../../api/schema';

type Programme = components['schemas']['ProgrammeDto'];

/** A programme as the figures pages name it, as the reports do: "Pass numérique (2026)". */
export const programmeName = (programme: Pick<Programme, 'name' | 'year'>): string => `${programme.name} (${programme.year})`;
