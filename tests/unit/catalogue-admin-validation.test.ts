import { describe, expect, it } from 'vitest';
import { createWorkshopSchema, scheduleInputFromForm, scheduleSessionSchema, updateWorkshopSchema, workshopInputFromForm } from '@/lib/catalogue/schema';
import { isOpeningHours, normalisePhone, placeInputFromForm, placeSchema } from '@/lib/places/admin-schema';
import { ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { slugify } from '@/lib/slug';

const errorsOf = (schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, string[]> => {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors ?? {};
    throw error;
  }
  return {};
};

const validWorkshop = {
  title: 'Débuter avec sa tablette',
  summary: 'Allumer, toucher, installer une application : les premiers pas.',
  themes: ['materiel'],
  level: 'beginner',
  durationMinutes: 90,
  placeIds: ['0b6f1d59-4c3e-4b1a-9b7f-2d1f3c4e5a6b'],
};

describe('workshop form checks', () => {
  it('accepts a complete workshop and fills the optional texts', () => {
    const data = parseInput(createWorkshopSchema, validWorkshop);
    expect(data).toMatchObject({ description: '', audiences: [], prerequisites: '', toBring: '', status: 'draft' });
  });

  it('says in French what is missing, field by field', () => {
    const errors = errorsOf(createWorkshopSchema, { title: 'A', summary: '', themes: [], durationMinutes: 'beaucoup', placeIds: [] });
    expect(errors.title).toEqual(['Le titre doit faire au moins 3 caractères.']);
    expect(errors.summary).toEqual(['Le résumé doit faire au moins 10 caractères.']);
    expect(errors.themes).toEqual(['Choisissez au moins une thématique.']);
    expect(errors.level![0]).toMatch(/^Choisissez un niveau/);
    expect(errors.durationMinutes).toEqual(['Indiquez la durée en minutes.']);
    expect(errors.placeIds).toEqual(['Choisissez au moins un lieu.']);
  });

  it('refuses a theme that is not in the vocabulary', () => {
    expect(errorsOf(createWorkshopSchema, { ...validWorkshop, themes: ['cuisine'] })['themes.0']).toEqual(['Cette thématique n’existe pas.']);
  });

  it('leaves out of an edit the fields that were not sent, and refuses unknown ones', () => {
    expect(parseInput(updateWorkshopSchema, { title: 'Nouveau titre' })).toEqual({ title: 'Nouveau titre' });
    expect(errorsOf(updateWorkshopSchema, { titre: 'x' })._).toEqual(['Champ inconnu : titre.']);
  });

  it('reads the checkboxes and the custom duration of the form', () => {
    const input = workshopInputFromForm({
      title: 'Atelier',
      summary: 'Un résumé assez long.',
      'themes.e-mail': 'on',
      'themes.securite': 'on',
      level: 'beginner',
      duration: 'autre',
      durationCustom: '75',
      'audiences.seniors': 'on',
      'placeIds.0b6f1d59-4c3e-4b1a-9b7f-2d1f3c4e5a6b': 'on',
    });
    expect(input).toMatchObject({ themes: ['e-mail', 'securite'], durationMinutes: '75', audiences: ['seniors'], placeIds: ['0b6f1d59-4c3e-4b1a-9b7f-2d1f3c4e5a6b'] });
    expect(parseInput(createWorkshopSchema, input).durationMinutes).toBe(75);
  });
});

describe('session form checks', () => {
  const valid = { placeId: '0b6f1d59-4c3e-4b1a-9b7f-2d1f3c4e5a6b', date: '2026-03-24', startTime: '14:00', endTime: '16:00', capacity: 8 };

  it('accepts a single session without an end time (the workshop’s duration is used)', () => {
    expect(parseInput(scheduleSessionSchema, { ...valid, endTime: undefined })).toMatchObject({ date: '2026-03-24', trainerIds: [], signupCutoffHours: 0 });
  });

  it('refuses an end before the start, an impossible date and a repeat that ends before it starts', () => {
    expect(errorsOf(scheduleSessionSchema, { ...valid, endTime: '13:00' }).endTime).toEqual(['L’heure de fin doit être après l’heure de début.']);
    expect(errorsOf(scheduleSessionSchema, { ...valid, date: '2026-02-30' }).date).toEqual(['Cette date n’existe pas dans le calendrier.']);
    expect(errorsOf(scheduleSessionSchema, { ...valid, date: '24/03/2026' }).date![0]).toMatch(/AAAA-MM-JJ/);
    expect(errorsOf(scheduleSessionSchema, { ...valid, repeat: { weekdays: [2], until: '2026-03-01' } })['repeat.until']).toEqual([
      'La date de fin doit être après la première date.',
    ]);
  });

  it('refuses zero seats and asks for the number when it is missing', () => {
    expect(errorsOf(scheduleSessionSchema, { ...valid, capacity: 0 }).capacity).toEqual(['Prévoyez au moins 1 place.']);
    expect(errorsOf(scheduleSessionSchema, { ...valid, capacity: undefined }).capacity).toEqual(['Indiquez le nombre de places.']);
  });

  it('reads a weekly repeat from the form', () => {
    const input = scheduleInputFromForm({ ...valid, capacity: '8', frequency: 'repeat', 'weekdays.2': 'on', 'weekdays.4': 'on', everyWeeks: '1', until: '2026-04-30' });
    expect(parseInput(scheduleSessionSchema, input).repeat).toEqual({ weekdays: [2, 4], everyWeeks: 1, until: '2026-04-30' });
    expect(scheduleInputFromForm({ ...valid, capacity: '8', frequency: 'once', until: '2026-04-30' }).repeat).toBeUndefined();
  });
});

describe('place form checks', () => {
  const valid = { name: 'EPN de Firminy', pivot: '21420099700011', commune: 'Firminy', postalCode: '42700', address: '2 place du Breuil' };

  it('writes a French phone number in the national standard’s format', () => {
    expect(normalisePhone('04 77 12 34 56')).toBe('+33477123456');
    expect(parseInput(placeSchema, { ...valid, phone: '04.77.12.34.56' }).phone).toBe('+33477123456');
    expect(errorsOf(placeSchema, { ...valid, phone: '1234' }).phone![0]).toMatch(/10 chiffres/);
  });

  it('checks the postal code, INSEE code, SIRET, summary length and coordinates', () => {
    const errors = errorsOf(placeSchema, { ...valid, postalCode: '4270', inseeCode: '427', pivot: '12', summary: 'x'.repeat(281), latitude: 95, longitude: 4 });
    expect(errors.postalCode).toEqual(['Le code postal a 5 chiffres, par exemple 42000.']);
    expect(errors.inseeCode![0]).toMatch(/^Le code INSEE a 5 caractères/);
    expect(errors.pivot![0]).toMatch(/SIRET \(14 chiffres\)/);
    expect(errors.summary).toEqual(['Le résumé doit faire au plus 280 caractères.']);
    expect(errors.latitude![0]).toMatch(/entre -90 et 90/);
    expect(errorsOf(placeSchema, { ...valid, latitude: 45.4 }).longitude).toEqual(['Indiquez la latitude et la longitude, ou aucune des deux.']);
  });

  it('knows the usual OpenStreetMap opening hours', () => {
    for (const ok of ['Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00', 'Tu-Sa 10:00-12:30,14:00-18:00', '24/7', 'Mo,We 14:00-17:00; PH off']) expect(isOpeningHours(ok), ok).toBe(true);
    for (const bad of ['lundi 9h-12h', 'Mo-Fr 9-12', '']) expect(isOpeningHours(bad), bad).toBe(false);
    expect(errorsOf(placeSchema, { ...valid, openingHours: 'le matin' }).openingHours![0]).toMatch(/^Écrivez les horaires au format OpenStreetMap/);
  });

  it('reads lists from the form: checkboxes, and addresses one per line', () => {
    const input = placeInputFromForm({ ...valid, emails: 'contact@firminy.fr\nepn@firminy.fr', websites: '', 'services.Aide aux démarches administratives': 'on', latitude: '45,38', longitude: '4,29' });
    const data = parseInput(placeSchema, input);
    expect(data).toMatchObject({ emails: ['contact@firminy.fr', 'epn@firminy.fr'], websites: [], services: ['Aide aux démarches administratives'], latitude: 45.38, longitude: 4.29, active: true });
    expect(data.inseeCode).toBeNull();
  });
});

describe('addresses made from titles', () => {
  it('drops accents, punctuation and capitals', () => {
    expect(slugify('Débuter avec son smartphone !')).toBe('debuter-avec-son-smartphone');
    expect(slugify('Sécurité : les arnaques en ligne')).toBe('securite-les-arnaques-en-ligne');
    expect(slugify('???')).toBe('sans-titre');
  });
});
