import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendance, places, placeStaff, resources, sessions, users, workshops } from '@/db/schema';
import { loadActor } from '@/lib/accounts';
import type { Actor } from '@/lib/auth/policy';
import { addResourceFile, openResourceFile } from '@/lib/resources/files';
import { createResource, resourceHistory, restoreResourceVersion, updateResource } from '@/lib/resources/writes';
import { getResource, latestPublicResources, needsReview, searchResources } from '@/lib/resources/reads';
import { linkResourceToWorkshop, setWorkshopResources, supportsOfWorkshops } from '@/lib/resources/workshop-supports';
import { moderateResource, rateResource, reportedResources, reportResource } from '@/lib/resources/ratings-and-reports';
import { atomFeed } from '@/lib/resources/feed';
import { demoActor } from '../helpers/actors';
import { db, seededTestDatabase } from '../helpers/db';
import { samplePdf } from '../helpers/files';

let mediator: Actor;
let otherMediator: Actor;
let coordinator: Actor;
let learner: Actor;
let stranger: Actor;
let attendedWorkshop: { id: string; slug: string };
const HOME = 'au-comptoir-numerique-saint-etienne';

const base = { type: 'fiche-pratique', licence: 'cc-by-sa', place: HOME, themes: ['e-mail'], audiences: ['seniors'], level: 'beginner' } as const;

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

// Every way of reading a resource must agree: the search list, its count, the page, the file.
async function sees(actor: Actor | null, slug: string, title: string): Promise<boolean> {
  const found = await searchResources(actor, { q: title });
  const inList = found.items.some((i) => i.slug === slug);
  const page = await getResource(actor, slug).then(
    () => true,
    () => false,
  );
  expect(page).toBe(inList);
  return inList;
}

beforeAll(async () => {
  await seededTestDatabase();
  [mediator, coordinator, learner] = await Promise.all([demoActor('mediator'), demoActor('coordinator'), demoActor('learner')]);
  const [roanne] = await db
    .select({ userId: placeStaff.userId })
    .from(placeStaff)
    .innerJoin(places, eq(places.id, placeStaff.placeId))
    .where(eq(places.slug, 'epn-roanne-mediatheque'));
  otherMediator = (await loadActor(roanne!.userId))!;
  const [u] = await db.insert(users).values({ name: 'Sans Atelier', email: 'sans-atelier@exemple.fr' }).returning({ id: users.id });
  stranger = (await loadActor(u!.id))!;
  const [attended] = await db
    .select({ id: workshops.id, slug: workshops.slug })
    .from(attendance)
    .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
    .innerJoin(workshops, eq(workshops.id, sessions.workshopId))
    .where(and(eq(attendance.userId, learner.id), eq(attendance.status, 'present')));
  attendedWorkshop = attended!;
});

describe('demo data', () => {
  it('holds about forty resources across the vocabulary, with real PDF and image files', async () => {
    const all = await searchResources(coordinator, {}, { pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(40);
    const items = all.items;
    expect(new Set(items.map((i) => i.type)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(items.map((i) => i.visibility))).toEqual(new Set(['draft', 'network', 'public']));
    const files = items.flatMap((i) => i.files);
    expect(files.some((f) => f.contentType === 'application/pdf')).toBe(true);
    expect(files.some((f) => f.contentType === 'image/png')).toBe(true);
    expect(items.some((i) => i.toReview)).toBe(true);
    // The demo learner sees a network-only support of a workshop they attended.
    const supports = [...(await supportsOfWorkshops(learner, [attendedWorkshop.id])).values()].flat();
    expect(supports.some((r) => r.visibility === 'network')).toBe(true);
    expect((await supportsOfWorkshops(null, [attendedWorkshop.id])).get(attendedWorkshop.id)?.every((r) => r.visibility === 'public')).toBe(true);
  });
});

describe('one visibility rule', () => {
  it('a draft is seen by its author and the staff of its place only', async () => {
    const title = 'Brouillon zygomatique';
    const { slug } = await createResource(mediator, { ...base, title, visibility: 'draft' });
    expect(await sees(mediator, slug, title)).toBe(true);
    expect(await sees(coordinator, slug, title)).toBe(true);
    expect(await sees(otherMediator, slug, title)).toBe(false);
    expect(await sees(learner, slug, title)).toBe(false);
    expect(await sees(null, slug, title)).toBe(false);
  });

  it('a network resource: staff everywhere, and learners of the workshops it supports', async () => {
    const title = 'Réseau xylophonique';
    const { slug } = await createResource(mediator, { ...base, title, visibility: 'network' });
    await addResourceFile(mediator, slug, { name: 'fiche.pdf', stream: (async function* () { yield await samplePdf(title); })() });
    const file = (await getResource(mediator, slug)).files[0]!;
    expect(await sees(otherMediator, slug, title)).toBe(true);
    expect(await sees(learner, slug, title)).toBe(false);
    await expect(openResourceFile(learner, slug, file.id)).rejects.toMatchObject({ status: 404 });

    await setWorkshopResources(mediator, attendedWorkshop.slug, { resources: [slug] });
    expect(await sees(learner, slug, title)).toBe(true);
    expect((await supportsOfWorkshops(learner, [attendedWorkshop.id])).get(attendedWorkshop.id)?.map((r) => r.slug)).toContain(slug);
    expect(await sees(stranger, slug, title)).toBe(false);
    expect((await supportsOfWorkshops(stranger, [attendedWorkshop.id])).get(attendedWorkshop.id) ?? []).toEqual([]);
    expect(await sees(null, slug, title)).toBe(false);
    await expect(openResourceFile(null, slug, file.id)).rejects.toMatchObject({ status: 404 });
    const download = await openResourceFile(learner, slug, file.id);
    expect(download.contentType).toBe('application/pdf');
    expect((await bytesOf(download.stream)).byteLength).toBe(file.size);
  });

  it('a public resource is seen by everyone, until staff hide it after a report', async () => {
    const title = 'Public quetzalcoatl';
    const { slug } = await createResource(mediator, { ...base, title, visibility: 'public' });
    expect(await sees(null, slug, title)).toBe(true);
    expect(await sees(stranger, slug, title)).toBe(true);
    await expect(reportResource(null, slug, { reason: 'outdated' })).rejects.toMatchObject({ status: 401 });
    expect(await reportResource(stranger, slug, { reason: 'outdated', comment: 'Le site a changé.' })).toEqual({ created: true });
    expect((await reportedResources(mediator)).find((r) => r.slug === slug)?.reports[0]?.reason).toBe('outdated');
    await expect(reportedResources(learner)).rejects.toMatchObject({ status: 403 });
    await expect(moderateResource(otherMediator, slug, 'hide')).rejects.toMatchObject({ status: 403 });
    await moderateResource(mediator, slug, 'hide', 'Lien cassé');
    expect(await sees(null, slug, title)).toBe(false);
    expect(await sees(mediator, slug, title)).toBe(true);
    expect((await reportedResources(mediator)).find((r) => r.slug === slug)).toBeUndefined();
  });
});

describe('rights, versions and signals', () => {
  it('only mediators of the place and coordinators publish; author or staff of the place edit', async () => {
    await expect(createResource(learner, { ...base, title: 'Pas permis' })).rejects.toMatchObject({ status: 403 });
    await expect(createResource(otherMediator, { ...base, title: 'Pas mon lieu' })).rejects.toMatchObject({ status: 403 });
    await expect(createResource(null, { ...base, title: 'Anonyme' })).rejects.toMatchObject({ status: 401 });
    await expect(createResource(mediator, { ...base, title: 'x', licence: 'wtfpl' })).rejects.toMatchObject({ status: 400, fieldErrors: { title: expect.any(Array), licence: expect.any(Array) } });
    const { slug } = await createResource(mediator, { ...base, title: 'Modifiable', visibility: 'network' });
    await expect(updateResource(otherMediator, slug, { title: 'Changé ailleurs' })).rejects.toMatchObject({ status: 403 });
    await expect(updateResource(learner, slug, { title: 'Changé' })).rejects.toMatchObject({ status: 404 });
    await updateResource(coordinator, slug, { title: 'Modifié par la coordination' });
    expect((await getResource(mediator, slug)).title).toBe('Modifié par la coordination');
  });

  it('versions every edit, and restores a previous version', async () => {
    const { slug } = await createResource(mediator, { ...base, title: 'Version une', body: 'Premier texte', links: [{ url: 'https://www.service-public.fr', label: 'Service public' }] });
    await updateResource(mediator, slug, { title: 'Version deux', body: 'Second texte', links: [] });
    const history = await resourceHistory(mediator, slug);
    expect(history.map((v) => v.content.title)).toEqual(['Version une', 'Version deux']);
    expect(history[1]!.authorName).toBe(mediator.name);
    await restoreResourceVersion(mediator, slug, history[0]!.id);
    const restored = await getResource(mediator, slug);
    expect(restored.title).toBe('Version une');
    expect(restored.body).toBe('Premier texte');
    expect(restored.links).toEqual([{ url: 'https://www.service-public.fr', label: 'Service public' }]);
    expect((await resourceHistory(mediator, slug)).length).toBe(3);
    await expect(resourceHistory(otherMediator, slug)).rejects.toMatchObject({ status: 404 });

    // A resource stored without a first version (the demo data) keeps its previous state too.
    await db.insert(resources).values({ slug: 'sans-historique', title: 'Sans historique', type: 'article', licence: 'cc0', placeId: (await getResource(mediator, slug)).placeId, authorId: mediator.id });
    await updateResource(mediator, 'sans-historique', { title: 'Avec historique' });
    const versions = await resourceHistory(mediator, 'sans-historique');
    expect(versions.map((v) => v.content.title)).toEqual(['Sans historique', 'Avec historique']);
    await restoreResourceVersion(mediator, 'sans-historique', versions[0]!.id);
    expect((await getResource(mediator, 'sans-historique')).title).toBe('Sans historique');
  });

  it('one rating per person, changeable; downloads do not count the author', async () => {
    const { slug } = await createResource(mediator, { ...base, title: 'À noter', visibility: 'public' });
    const pdf = await samplePdf('À noter');
    const stored = await addResourceFile(mediator, slug, { name: '../../etc/À noter.exe', stream: (async function* () { yield pdf; })() });
    expect(stored.name).toBe('À noter.pdf');
    expect(stored.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    await rateResource(stranger, slug, { value: 1 });
    expect(await rateResource(stranger, slug, { value: 4 })).toMatchObject({ count: 1, average: 4 });
    expect(await rateResource(learner, slug, { value: 3 })).toMatchObject({ count: 2, average: 3.5 });
    await expect(rateResource(learner, slug, { value: 5 })).rejects.toMatchObject({ status: 400 });
    await expect(rateResource(null, slug, { value: 2 })).rejects.toMatchObject({ status: 401 });

    await bytesOf((await openResourceFile(mediator, slug, stored.id)).stream);
    const got = await bytesOf((await openResourceFile(null, slug, stored.id)).stream);
    expect(Buffer.compare(got, Buffer.from(pdf))).toBe(0);
    const after = await getResource(null, slug);
    expect(after.downloads).toBe(1);
    expect(after.files[0]!.downloads).toBe(1);
    const sorted = (await searchResources(null, { sort: 'downloads' })).items.map((i) => i.downloads);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });

  it('staff of the workshop’s places choose its supports', async () => {
    const { slug } = await createResource(mediator, { ...base, title: 'Support choisi', visibility: 'public' });
    await expect(setWorkshopResources(learner, attendedWorkshop.slug, { resources: [slug] })).rejects.toMatchObject({ status: 403 });
    await expect(setWorkshopResources(otherMediator, attendedWorkshop.slug, { resources: [slug] })).rejects.toMatchObject({ status: 403 });
    await expect(setWorkshopResources(mediator, attendedWorkshop.slug, { resources: ['inconnue'] })).rejects.toMatchObject({ status: 400 });
    await expect(setWorkshopResources(mediator, 'pas-un-atelier', { resources: [slug] })).rejects.toMatchObject({ status: 404 });
    expect(await setWorkshopResources(coordinator, attendedWorkshop.slug, { resources: [slug] })).toEqual({ resources: [slug] });
    expect((await getResource(null, slug)).workshops.map((w) => w.slug)).toEqual([attendedWorkshop.slug]);
  });

  it('staff attach and detach a resource from the resource side too; the feed lists new public ones', async () => {
    const { slug } = await createResource(mediator, { ...base, title: 'Lié depuis la ressource & <flux>', visibility: 'public' });
    await expect(linkResourceToWorkshop(otherMediator, slug, attendedWorkshop.slug, true)).rejects.toMatchObject({ status: 403 });
    await linkResourceToWorkshop(mediator, slug, attendedWorkshop.slug, true);
    expect((await getResource(null, slug)).workshops.map((w) => w.slug)).toContain(attendedWorkshop.slug);
    await linkResourceToWorkshop(mediator, slug, attendedWorkshop.slug, false);
    expect((await getResource(null, slug)).workshops).toEqual([]);

    const feed = atomFeed(await latestPublicResources(), 'https://comptoir.example');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed).toContain(`<id>https://comptoir.example/ressources/${slug}</id>`);
    expect(feed).toContain('<title>Lié depuis la ressource &amp; &lt;flux&gt;</title>');
    expect(feed).not.toContain('Brouillon zygomatique');
    expect(feed).not.toContain('Réseau xylophonique');
  });

  it('says "à revoir" after 18 months without review', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(needsReview(new Date('2025-06-15T12:00:00Z'), now)).toBe(false);
    expect(needsReview(new Date('2025-05-15T12:00:00Z'), now)).toBe(true);
  });

  it('finds resources in French, forgiving accents and typos, with facets', async () => {
    const title = 'Démarches de la mutualité agricole';
    await createResource(mediator, { ...base, title, summary: 'Déclarer ses bordereaux saisonniers', visibility: 'public', type: 'support-atelier', themes: ['demarches'] });
    expect((await searchResources(null, { q: 'démarche MUTUALITE' })).items[0]?.title).toBe(title);
    expect((await searchResources(null, { q: 'bordereaus saisonier' })).items[0]?.title).toBe(title);
    expect((await searchResources(null, { q: 'mutualite', type: ['fiche-pratique'] })).total).toBe(0);
    expect((await searchResources(null, { q: 'mutualite', theme: ['demarches'], place: HOME })).total).toBe(1);
    expect((await searchResources(null, { q: 'mutualite', place: 'epn-roanne-mediatheque' })).total).toBe(0);
  });
});
