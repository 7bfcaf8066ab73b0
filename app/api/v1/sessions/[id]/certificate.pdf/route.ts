import { issueCertificate } from '@/lib/attendance';
import { requireApiActor } from '@/lib/auth/api';
import { fileResponse, fileSlug } from '@/lib/http/download';
import { publicUrl } from '@/lib/http/origin';
import { apiRoute } from '@/lib/http/problem';
import { renderCertificate } from '@/lib/pdf/certificate';

// GET /api/v1/sessions/{id}/certificate.pdf → the signed-in person's attestation de présence;
// ?person={id} → someone else's, for staff of the place (people without an account).
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const person = new URL(request.url).searchParams.get('person') ?? undefined;
  const certificate = await issueCertificate(actor, (await params).id, { personId: person });
  const pdf = await renderCertificate(certificate, publicUrl(`/attestations/${certificate.code}`));
  const day = certificate.startsAt.toISOString().slice(0, 10);
  return fileResponse(pdf, { type: 'application/pdf', filename: `attestation-${fileSlug(certificate.workshopTitle)}-${day}.pdf` });
});
