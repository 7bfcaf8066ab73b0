'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';
import { markFromForm } from './actions';

const STATUSES = ['present', 'late', 'excused', 'absent'] as const;
type Status = 'unmarked' | (typeof STATUSES)[number];

export type RosterLine = { personId: string; name: string; status: Status; walkIn: boolean; enrolled: boolean; noShows: string | null; certificateHref: string | null };

export type RosterLabels = {
  statuses: Record<Status, string>;
  counts: Record<'confirmed' | 'present' | 'late' | 'excused' | 'absent' | 'walkIns' | 'unmarked', string>;
  countsTitle: string;
  walkIn: string;
  saved: string;
  saving: string;
  failed: string;
  refused: string;
  offline: string;
  announce: string;
  pendingLeave: string;
  certificate: string;
  certificateFor: string;
  empty: string;
};

type Local = { status: Status; phase: 'pending' | 'failed' | 'refused' | 'saved'; message?: string };

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

// Retry delays after a failed save: quick at first, then every 30 seconds.
const retryDelay = (attempts: number) => Math.min(30000, 2000 * 2 ** Math.max(0, attempts - 1));

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

// The roster's list: one card per person with four big status buttons. Each tap is saved at once
// with PUT /api/v1/sessions/{id}/attendance; the card says whether it is saved, being saved, or
// waiting for the network, and failed saves are retried by themselves (and as soon as the
// connection returns). Before JavaScript runs, each button submits a form to a server action.
export function AttendanceRoster({ sessionId, people, labels }: { sessionId: string; people: RosterLine[]; labels: RosterLabels }) {
  const router = useRouter();
  const [state, formAction] = useActionState(markFromForm, {});
  const [local, setLocal] = useState<Record<string, Local>>({});
  const [announcement, setAnnouncement] = useState('');
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  const desired = useRef<Record<string, Status>>({});
  const inFlight = useRef<Set<string>>(new Set());
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const attemptsOf = useRef<Record<string, number>>({});
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const names = useRef<Record<string, string>>({});
  names.current = Object.fromEntries(people.map((p) => [p.personId, p.name]));

  // Fresh figures from the server win over what this screen saved earlier (someone else may have
  // changed a mark since, or the session was closed).
  useEffect(() => {
    const onServer = new Map(people.map((p) => [p.personId, p.status]));
    setLocal((current) => Object.fromEntries(Object.entries(current).filter(([id, l]) => l.phase !== 'saved' || onServer.get(id) === l.status)));
  }, [people]);

  const send = useCallback(
    async function send(personId: string) {
      if (inFlight.current.has(personId)) return;
      const status = desired.current[personId];
      if (!status) return;
      clearTimeout(timers.current[personId]);
      inFlight.current.add(personId);
      let outcome: Local['phase'] = 'failed';
      let message: string | undefined;
      try {
        const response = await fetch(`/api/v1/sessions/${sessionId}/attendance`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify([{ personId, status }]),
          credentials: 'same-origin',
        });
        if (response.ok) outcome = 'saved';
        else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          outcome = 'refused';
          message = ((await response.json().catch(() => null)) as { detail?: string } | null)?.detail;
        }
      } catch {
        outcome = 'failed';
      } finally {
        inFlight.current.delete(personId);
      }
      // A newer tap arrived while this one was on its way: send that one now.
      if (desired.current[personId] !== status) return void send(personId);
      const attempts = outcome === 'failed' ? (attemptsOf.current[personId] ?? 0) + 1 : 0;
      attemptsOf.current[personId] = attempts;
      setLocal((current) => ({ ...current, [personId]: { status, phase: outcome, message } }));
      if (outcome === 'saved') {
        delete desired.current[personId];
        setAnnouncement(fill(labels.announce, { name: names.current[personId] ?? '', status: `${labels.statuses[status]}, ${labels.saved.toLowerCase()}` }));
        if (refreshTimer.current) clearTimeout(refreshTimer.current);
        refreshTimer.current = setTimeout(() => router.refresh(), 800);
      } else if (outcome === 'refused') {
        delete desired.current[personId];
        setAnnouncement(fill(labels.refused, { message: message ?? '' }));
      } else {
        timers.current[personId] = setTimeout(() => void send(personId), retryDelay(attempts));
      }
    },
    [sessionId, labels, router],
  );

  // Back online: everything that failed goes again at once.
  useEffect(() => {
    if (!online) return;
    for (const personId of Object.keys(desired.current)) void send(personId);
  }, [online, send]);

  // Leaving the page with unsaved marks asks first.
  const unsaved = Object.values(local).some((l) => l.phase === 'pending' || l.phase === 'failed');
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  useEffect(() => {
    const pending = timers.current;
    return () => Object.values(pending).forEach(clearTimeout);
  }, []);

  function tap(event: React.MouseEvent<HTMLButtonElement>, personId: string, status: Status) {
    event.preventDefault();
    desired.current[personId] = status;
    setLocal((current) => ({ ...current, [personId]: { status, phase: 'pending' } }));
    void send(personId);
  }

  const lines = people.map((p) => ({ ...p, local: local[p.personId], shown: local[p.personId]?.phase === 'refused' ? p.status : (local[p.personId]?.status ?? p.status) }));
  const counts = { confirmed: 0, present: 0, late: 0, excused: 0, absent: 0, walkIns: 0, unmarked: 0 };
  for (const l of lines) {
    if (l.enrolled) counts.confirmed++;
    if (l.walkIn) counts.walkIns++;
    counts[l.shown]++;
  }

  return (
    <>
      <h3 className="sr-only">{labels.countsTitle}</h3>
      <dl className="mb-4 grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {(['confirmed', 'present', 'late', 'absent', 'excused', 'walkIns', 'unmarked'] as const).map((key) => (
          <div key={key} className="rounded-lg border border-slate-300 bg-slate-50 px-2 py-1">
            <dt className="text-sm leading-tight text-slate-700">{labels.counts[key]}</dt>
            <dd className="text-xl font-bold" data-count={key}>
              {counts[key]}
            </dd>
          </div>
        ))}
      </dl>
      {!online && (
        <p role="status" className="mb-4 rounded-lg border-2 border-amber-700 bg-amber-50 p-3 font-semibold text-amber-900">
          {labels.offline}
        </p>
      )}
      <FormMessage message={state.message} />
      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
      {lines.length === 0 ? (
        <p className="text-slate-700">{labels.empty}</p>
      ) : (
        <ul className="grid gap-3">
          {lines.map((p) => {
            const nameId = `nom-${p.personId}`;
            const phase = p.local?.phase;
            return (
              <li key={p.personId} id={`personne-${p.personId}`} className="card scroll-mt-4">
                <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-3">
                  <p id={nameId} className="text-lg font-semibold">
                    {p.name}
                  </p>
                  <p className="text-base" data-person-status={p.personId}>
                    <span className="font-semibold">{labels.statuses[p.shown]}</span>
                    {phase === 'pending' && <span className="ml-2 text-slate-700">{labels.saving}</span>}
                    {phase === 'saved' && <span className="ml-2 text-green-800">✓ {labels.saved}</span>}
                  </p>
                </div>
                {(p.walkIn || p.noShows) && (
                  <p className="mb-2 text-sm text-slate-700">
                    {[p.walkIn ? labels.walkIn : null, p.noShows].filter(Boolean).join(' · ')}
                  </p>
                )}
                {phase === 'failed' && <p className="mb-2 font-semibold text-red-800">{labels.failed}</p>}
                {phase === 'refused' && <p className="mb-2 font-semibold text-red-800">{fill(labels.refused, { message: p.local?.message ?? '' })}</p>}
                <form action={formAction}>
                  <input type="hidden" name="sessionId" value={sessionId} />
                  <input type="hidden" name="personId" value={p.personId} />
                  <div role="group" aria-labelledby={nameId} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                    {STATUSES.map((status) => {
                      const pressed = p.shown === status;
                      return (
                        <button
                          key={status}
                          type="submit"
                          name="status"
                          value={status}
                          aria-pressed={pressed}
                          onClick={(event) => tap(event, p.personId, status)}
                          className={`min-h-12 rounded-lg border-2 px-2 py-2 text-base font-semibold ${
                            pressed ? 'border-brand-900 bg-brand-800 text-white' : 'border-slate-500 bg-white text-slate-900 hover:bg-brand-50'
                          }`}
                        >
                          {pressed && <span aria-hidden="true">✓ </span>}
                          {labels.statuses[status]}
                          <span className="sr-only"> — {p.name}</span>
                        </button>
                      );
                    })}
                  </div>
                </form>
                {p.certificateHref && (p.shown === 'present' || p.shown === 'late') && (
                  <p className="mt-1">
                    <a href={p.certificateHref} className="inline-flex min-h-11 items-center text-sm" aria-label={fill(labels.certificateFor, { name: p.name })}>
                      {labels.certificate}
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
