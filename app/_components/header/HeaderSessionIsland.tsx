'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { navLinkClass, SessionLinks, type SessionLabels, type SessionState } from './SessionLinks';

// The personal part of the header on a page shared by everyone who is signed in (server.mjs
// keeps it a few seconds, lib/http/page-cache.mjs): the browser asks who is signed in
// (GET /api/v1/me) and draws the same links as HeaderSession. Until the answer comes, the place
// stays empty; a signed-out or expired session (401) gets the visitor's links.
export function HeaderSessionIsland({ labels }: { labels: SessionLabels }) {
  // 'unknown': the question could not be answered (network, service away).
  const [state, setState] = useState<SessionState | 'loading' | 'unknown'>('loading');

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/v1/me', { cache: 'no-store', signal: controller.signal })
      .then(async (response) => {
        if (response.status === 401) return setState(null);
        if (!response.ok) return setState('unknown');
        const me = (await response.json()) as NonNullable<SessionState>;
        setState({ name: me.name, spaces: me.spaces });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState('unknown');
      });
    return () => controller.abort();
  }, []);

  // Until then an empty place; without JavaScript, or when nobody could answer, the way to one's
  // space (which asks to sign in when the session is over).
  const mySpace = (
    <Link href="/mon-espace" className={navLinkClass}>
      {labels.spaces.myspace}
    </Link>
  );
  if (state === 'loading')
    return (
      <li className="min-h-11 md:ml-auto">
        <noscript>{mySpace}</noscript>
      </li>
    );
  if (state === 'unknown') return <li className="md:ml-auto">{mySpace}</li>;
  return <SessionLinks state={state} labels={labels} />;
}
