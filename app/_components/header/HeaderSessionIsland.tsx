'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { navLinkClass, SessionLinks, type SessionLabels, type SessionState } from './SessionLinks';

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

  // Until then an empty place (without JavaScript: the way to one's space, which asks to sign in
  // when the session is over).
  if (state === 'loading')
    return (
      <li className="min-h-11 md:ml-auto">
        <noscript>
          <Link href="/mon-espace" className={navLinkClass}>
            {labels.spaces.myspace}
          </Link>
        </noscript>
      </li>
    );
  return <SessionLinks state={state} labels={labels} />;
}
