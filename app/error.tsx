'use client';
import Link from 'next/link';
// Shown when a page fails unexpectedly. Client components cannot read message files on the
// server, so this page carries its French text; the digest is the id found in the server logs.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Un problème est survenu</h1>
      <p className="mb-4">Nous n’avons pas pu afficher cette page. Réessayez dans un instant.</p>
      {error.digest && <p className="mb-6 text-slate-700">Numéro de la demande : {error.digest}</p>}
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn" onClick={reset}>
          Réessayer
        </button>
        <Link href="/" className="btn-secondary">
          Revenir à l’accueil
        </Link>
      </div>
    </>
  );
}
