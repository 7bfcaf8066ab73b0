// "Télécharger l'attestation" of one attended session (PDF from the API, with the session cookie).
export function CertificateLink({ sessionId, label, fullLabel }: { sessionId: string; label: string; fullLabel: string }) {
  return (
    <a href={`/api/v1/sessions/${sessionId}/certificate.pdf`} className="mt-2 inline-flex min-h-11 items-center font-semibold" aria-label={fullLabel}>
      {label}
    </a>
  );
}
