import type { Option } from './fields';

export type ActivityFormProps = {
  kind: 'individual' | 'collective';
  activityId?: string;
  defaults: Record<string, string>;
  place: { id: string; name: string } | null;
  today: string;
  options: {
    durations: Option[];
    placeTypes: Option[];
    themes: Option[];
    adminThemes: Option[];
    equipment: Option[];
    autonomy: Option[];
    orientation: Option[];
    completion: Option[];
    genders: Option[];
    ageBands: Option[];
    socialStatuses: Option[];
    levels: Option[];
  };
  learners: { id: string; name: string }[];
  communes: string[];
  labels: Record<string, string>;
  cancelHref: string;
};
