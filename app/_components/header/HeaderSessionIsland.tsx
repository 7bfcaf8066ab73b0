'use client';
import { useEffect, useState } from 'react';
import { SessionLinks, type SessionLabels, type SessionState } from './SessionLinks';

// The personal part of the header on a page shared by everyone who is signed in (server.mjs
// keeps it a few seconds, lib/http/page-cache.mjs): the browser asks who is signed in
// (GET /api/v1/me) and draws the same links as HeaderSession. Until the answer comes, the place
// stays empty; a signed-out or expired session gets the visitor's links.
export function HeaderSessionIsland({ labels }: { labels: SessionLabels }) {
  const [state, setState] = useState<SessionState | 'loading'>('loading');

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/v1/me', { cache: 'no-store', signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<NonNullable<SessionState>>) : null))
      .then((me) => setState(me && { name: me.name, spaces: me.spaces }))
      .catch(() => {
        if (!controller.signal.aborted) setState(null);
      });
    return () => controller.abort();
  }, []);

  if (state === 'loading') return <li aria-hidden="true" className="min-h-11 md:ml-auto" />;
  return <SessionLinks state={state} labels={labels} />;
}
