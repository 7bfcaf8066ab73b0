'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { placeInputFromForm } from '@/lib/places/admin-schema';
import { addPlaceStaff, createPlace, removePlaceStaff, updatePlace } from '@/lib/places/admin';
import { dynamicFormFields, formFields, serverAction } from '@/lib/http/action';

function refreshPlaces(slug?: string) {
  revalidatePath('/coordination', 'layout');
  revalidatePath('/lieux', 'layout');
  if (slug) revalidatePath(`/lieux/${slug}`);
}

export const createPlaceAction = serverAction(dynamicFormFields, async (input, actor) => {
  const place = await createPlace(actor, placeInputFromForm(input));
  refreshPlaces();
  redirect(`/coordination/lieux/${place.slug}?fait=placeCreated`);
});

export const updatePlaceAction = serverAction(dynamicFormFields, async (input, actor) => {
  const place = await updatePlace(actor, input.slug ?? '', placeInputFromForm(input));
  refreshPlaces(place.slug);
  redirect(`/coordination/lieux/${place.slug}?fait=placeSaved`);
});

export const addStaffAction = serverAction(formFields('slug', 'email'), async (input, actor) => {
  const slug = input.slug ?? '';
  await addPlaceStaff(actor, slug, { email: input.email });
  refreshPlaces(slug);
  redirect(`/coordination/lieux/${slug}?fait=staffAdded#equipe`);
});

export const removeStaffAction = serverAction(formFields('slug', 'userId'), async (input, actor) => {
  const slug = input.slug ?? '';
  await removePlaceStaff(actor, slug, { userId: input.userId });
  refreshPlaces(slug);
  redirect(`/coordination/lieux/${slug}?fait=staffRemoved#equipe`);
});
