import 'server-only';
import { workshops } from '@/db/schema';
import type { Audience, Level, Theme } from '@/lib/vocabulary';

// What a workshop says about itself, the same on its public page and for the staff who manage
// it: the fields, and the columns they are read from.
export type WorkshopContent = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  themes: Theme[];
  level: Level;
  durationMinutes: number;
  audiences: Audience[];
  prerequisites: string;
  toBring: string;
};

export const workshopContentColumns = {
  id: workshops.id,
  slug: workshops.slug,
  title: workshops.title,
  summary: workshops.summary,
  description: workshops.description,
  themes: workshops.themes,
  level: workshops.level,
  durationMinutes: workshops.durationMinutes,
  audiences: workshops.audiences,
  prerequisites: workshops.prerequisites,
  toBring: workshops.toBring,
};
