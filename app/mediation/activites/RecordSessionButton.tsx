import Link from 'next/link';
import { getT } from '@/lib/i18n';

// "Enregistrer comme activité" for a closed session: the first of the two clicks (the second is
// "Enregistrer" on the prefilled form). Once recorded, it leads to the activity instead.
// For the attendance roster: <RecordSessionButton sessionId={id} activityId={await activityIdForSession(actor, id)} />
export async function RecordSessionButton({ sessionId, activityId, context }: { sessionId: string; activityId?: string | null; context?: string }) {
  const t = await getT();
  if (activityId) {
    return (
      <Link href={`/mediation/activites/${activityId}`} className="btn-secondary">
        {t('activities.seeRecorded')}
      </Link>
    );
  }
  return (
    <Link
      href={`/mediation/activites/nouvelle?seance=${encodeURIComponent(sessionId)}`}
      className="btn"
      aria-label={context ? t('activities.recordLabel', { context }) : undefined}
    >
      {t('activities.record')}
    </Link>
  );
}
