'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';

export const UNAVAILABLE_TEXT = 'Le service est momentanément indisponible. Réessayez dans quelques minutes.';

// Whether a page failed because the database is away. In production the browser never learns
// why a page failed (Next.js sends only the digest), so the error pages ask /api/health, which
// answers 503 when the database does not answer: then they say so in plain French instead of
// "a problem occurred". null while asking.
function useDatabaseAway(): boolean | null {
  const [away, setAway] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/health', { cache: 'no-store' })
      .then((response) => live && setAway(response.status === 503))
      .catch(() => live && setAway(true));
    return () => {
      live = false;
    };
  }, []);
  return away;
}

// What the error pages show (they carry their French text: client components cannot read the
// message files): when the database is away, that the service is unavailable
// for a moment; otherwise that the page failed, with the digest found in the server logs.
export function PageError({ digest, onRetry, home = true }: { digest?: string; onRetry: () => void; home?: boolean }) {
  const away = useDatabaseAway();
  if (away) return <ServiceUnavailable />;
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Un problème est survenu</h1>
      <p className="mb-4">Nous n’avons pas pu afficher cette page. Réessayez dans un instant.</p>
      {digest && <p className="mb-6 text-slate-700">Numéro de la demande : {digest}</p>}
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn" onClick={onRetry}>
          Réessayer
        </button>
        {home && (
          <Link href="/" className="btn-secondary">
            Revenir à l’accueil
          </Link>
        )}
      </div>
    </>
  );
}

function ServiceUnavailable() {
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Service indisponible</h1>
      <p className="mb-6">{UNAVAILABLE_TEXT}</p>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        Réessayer
      </button>
    </>
  );
}
