'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { enrollmentPanelFor } from './panel-action';

// Where the sign-up panel goes on the session page. Rendered for one person, the page brings the
// panel with it (children). Shared by everyone who is signed in (server.mjs keeps it a few
// seconds, lib/http/page-cache.mjs), it comes without: the browser asks for the person's own
// panel (enrollmentPanelFor) and shows "Un instant…" meanwhile. The slot stays the same in both
// cases, so that after signing up (the page is then rendered for the person) the panel's
// confirmation message stays on screen.
export function EnrollmentPanelSlot({ sessionId, deferred, labels, children }: { sessionId: string; deferred: boolean; labels: { title: string; loading: string; failed: string }; children?: ReactNode }) {
  const [fetched, setFetched] = useState<{ node: ReactNode } | 'failed' | null>(null);

  useEffect(() => {
    if (!deferred) return;
    let live = true;
    enrollmentPanelFor(sessionId).then(
      (node) => live && setFetched({ node }),
      () => live && setFetched('failed'),
    );
    return () => {
      live = false;
    };
  }, [deferred, sessionId]);

  if (!deferred) return children;
  if (fetched && fetched !== 'failed') return fetched.node;
  return (
    <section aria-labelledby="inscription-titre" aria-busy={fetched === null} className="card border-2 border-brand-800">
      <h2 id="inscription-titre" className="mb-1 text-2xl font-bold">
        {labels.title}
      </h2>
      <p role="status">{fetched === 'failed' ? labels.failed : labels.loading}</p>
    </section>
  );
}
