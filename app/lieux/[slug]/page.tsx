import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { whenText } from '@/app/_components/catalogue-text';
import { formatDay } from '@/lib/format/dates';
import { getLocale, getT, type Translate } from '@/lib/i18n';
import { getPlacePage, type PlaceSession } from '@/lib/places';
import { Contact } from '../_components/Contact';
import { OpeningHours } from '../_components/OpeningHours';

type Props = { params: Promise<{ slug: string }> };

// The page and its metadata read the same place once per request.
const load = cache((slug: string) => getPlacePage(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load((await params).slug);
  return { title: page ? `${page.place.name} (${page.place.commune})` : 'Lieu' };
}

function seats(session: PlaceSession, t: Translate) {
  if (session.seatsLeft === 0) return t('places.full');
  return t('places.seatsLeft', { count: session.seatsLeft });
}

export default async function PlacePage({ params }: Props) {
  const { slug } = await params;
  const [t, locale, page] = await Promise.all([getT(), getLocale(), load(slug)]);
  if (!page) notFound();
  const { place, sessions } = page;
  const colon = locale === 'fr' ? ' :' : ':';
  const list = (items: string[]) => items.join(', ');

  return (
    <>
      <p className="mb-2">
        <Link href="/lieux" className="inline-flex min-h-12 items-center">
          ← {t('places.backToDirectory')}
        </Link>
      </p>
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{place.commune}</p>
      <h1 className="mb-2 text-3xl font-bold">{place.name}</h1>
      {place.summary && <p className="mb-4 text-lg">{place.summary}</p>}
      <p className="mb-6">
        <Link href={`/lieux/${place.slug}/programme`} className="btn-secondary">
          {t('places.programmeLink')}
        </Link>
      </p>

      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="adresse" className="card">
          <h2 id="adresse" className="mb-2 text-xl font-bold">
            {t('places.access')}
          </h2>
          <p className="mb-2">
            {place.address}
            {place.addressComplement && (
              <>
                <br />
                {place.addressComplement}
              </>
            )}
            <br />
            {place.postalCode} {place.commune}
          </p>
          {place.accessInfo && <p>{place.accessInfo}</p>}
        </section>

        <section aria-labelledby="horaires" className="card">
          <h2 id="horaires" className="mb-2 text-xl font-bold">
            {t('places.hours')}
          </h2>
          <OpeningHours text={place.openingHours} locale={locale} t={t} />
        </section>

        <section aria-labelledby="contact" className="card">
          <h2 id="contact" className="mb-2 text-xl font-bold">
            {t('places.contact')}
          </h2>
          <Contact phone={place.phone} emails={place.emails} t={t} />
          {place.websites.map((url) => (
            <p key={url} className="break-all">
              <a href={url} className="inline-flex min-h-12 items-center">
                {t('places.website')}
                {colon} {url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </a>
            </p>
          ))}
          {place.appointmentUrl && (
            <p>
              <a href={place.appointmentUrl} className="inline-flex min-h-12 items-center">
                {t('places.appointment')}
              </a>
            </p>
          )}
        </section>

        <section aria-labelledby="accessibilite" className="card">
          <h2 id="accessibilite" className="mb-2 text-xl font-bold">
            {t('places.accessibility')}
          </h2>
          {place.specificSupport.length > 0 && <p className="mb-2">{t('places.specificSupport', { list: list(place.specificSupport) })}</p>}
          {place.accessibilityUrl ? (
            <p>
              <a href={place.accessibilityUrl} className="inline-flex min-h-12 items-center">
                {t('places.accessibilityLink')}
              </a>
            </p>
          ) : (
            place.specificSupport.length === 0 && <p>{t('places.noAccessibility')}</p>
          )}
        </section>

        <section aria-labelledby="services" className="card">
          <h2 id="services" className="mb-2 text-xl font-bold">
            {t('places.services')}
          </h2>
          {place.services.length > 0 && (
            <ul className="mb-2 list-disc pl-5">
              {place.services.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          <p>
            <span className="font-semibold">{t('places.publics')}{colon}</span> {place.publics.length > 0 ? list(place.publics) : t('places.everyone')}
          </p>
        </section>

        <section aria-labelledby="accompagnement" className="card">
          <h2 id="accompagnement" className="mb-2 text-xl font-bold">
            {t('places.howToCome')}
          </h2>
          {place.supportModes.length > 0 && <p className="mb-1">{t('places.supportModes', { list: list(place.supportModes) })}</p>}
          {place.accessModes.length > 0 && <p className="mb-1">{t('places.accessModes', { list: list(place.accessModes) })}</p>}
          {place.fees.length > 0 && <p>{t('places.fees', { list: list(place.fees) })}</p>}
        </section>
      </div>

      <section aria-labelledby="seances">
        <h2 id="seances" className="mb-3 text-2xl font-bold">
          {t('places.upcoming')}
        </h2>
        {sessions.length === 0 ? (
          <p>{t('places.noUpcoming')}</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {sessions.map((s) => (
              <li key={s.id} className="card">
                <h3 className="text-lg font-bold">
                  <Link href={`/ateliers/${s.workshopSlug}`}>{s.workshopTitle}</Link>
                </h3>
                <p>{whenText(s.startsAt, s.endsAt, locale)}</p>
                <p className={s.seatsLeft === 0 ? 'font-semibold text-accent-700' : 'text-slate-700'}>{seats(s, t)}</p>
                <p>
                  <Link href={`/seances/${s.id}`} className="inline-flex min-h-12 items-center">
                    {t('places.seeSession', { date: formatDay(s.startsAt, locale) })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {place.description && (
        <section aria-labelledby="presentation" className="mt-8">
          <h2 id="presentation" className="mb-2 text-2xl font-bold">
            {t('places.about')}
          </h2>
          {place.description.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} className="mb-2 whitespace-pre-line">
              {paragraph}
            </p>
          ))}
        </section>
      )}
    </>
  );
}
