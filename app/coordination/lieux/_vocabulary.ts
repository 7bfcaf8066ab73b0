import { ACCESS_MODES, FEES, PLACE_PUBLICS, PLACE_SERVICES, SUPPORT_MODES } from '@/lib/places/admin-schema';

// The lists of the national standard offered as checkboxes by the place form.
export const placeVocabulary = { services: PLACE_SERVICES, publics: PLACE_PUBLICS, supportModes: SUPPORT_MODES, fees: FEES, accessModes: ACCESS_MODES };
