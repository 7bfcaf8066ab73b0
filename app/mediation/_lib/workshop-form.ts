import 'server-only';
import { PROPOSED_DURATIONS } from '@/lib/catalogue/schema';
import { formatDuration } from '@/lib/format/dates';
import { AUDIENCES, LEVELS, THEMES } from '@/lib/vocabulary';

// The fixed choices of the workshop form.
export function workshopFormChoices() {
  return {
    themes: THEMES,
    levels: LEVELS,
    audiences: AUDIENCES,
    durations: PROPOSED_DURATIONS,
    durationLabels: Object.fromEntries(PROPOSED_DURATIONS.map((minutes) => [minutes, formatDuration(minutes)])),
  };
}
