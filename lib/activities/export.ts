import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { activities, activityParticipants, places } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/auth/policy';
import { parseInput } from '@/lib/validation';
import { activityListQuerySchema, type ActivityListQuery } from './schema';
import { listConditions, mediatorUser } from './reads';

// Every visible activity matching the filters, for the CSV and XLSX exports (capped).
export async function activitiesForExport(actor: Actor | null, query: ActivityListQuery = {}, cap = 50_000) {
  assertCan(actor, 'activity:log');
  const q = parseInput(activityListQuerySchema, query);
  const { where } = await listConditions(actor!, q);
  return db
    .select({
      date: activities.date,
      kind: activities.kind,
      durationMinutes: activities.durationMinutes,
      placeType: activities.placeType,
      placeName: places.name,
      mediatorName: mediatorUser.name,
      themes: activities.themes,
      adminThemes: activities.adminThemes,
      equipment: activities.equipment,
      title: activities.title,
      level: activities.level,
      knownParticipants: sql<number>`(case when ${activities.kind} = 'individual' then (case when ${activities.learnerId} is null then 0 else 1 end)
        else (select count(*) from ${activityParticipants} where ${activityParticipants.activityId} = ${activities.id}) end)::int`,
      anonymousParticipants: sql<number>`(case when ${activities.kind} = 'individual' then (case when ${activities.learnerId} is null then 1 else 0 end)
        else coalesce((${activities.anonymousParticipants}->>'count')::int, 0) end)::int`,
      anonymousPerson: activities.anonymousPerson,
      autonomy: activities.autonomy,
      orientation: activities.orientation,
      completion: activities.completion,
      notes: activities.notes,
      fromSession: sql<boolean>`${activities.sessionId} is not null`,
    })
    .from(activities)
    .innerJoin(mediatorUser, eq(mediatorUser.id, activities.mediatorId))
    .leftJoin(places, eq(places.id, activities.placeId))
    .where(where)
    .orderBy(desc(activities.date), desc(activities.createdAt))
    .limit(cap);
}
export type ActivityExportRow = Awaited<ReturnType<typeof activitiesForExport>>[number];
