'use client';
import { useActionState } from 'react';
import { FormMessage } from '../../_components/FormMessage';
import { ClaimCode } from '../_components/NewPersonForm';
import { enrollPersonAction, newClaimCodeAction } from './actions';

type PersonLabels = { enroll: string; newCode: string; alreadyConfirmed: string; alreadyWaiting: string; claimCodeText: string };

// Per person found: sign them up for the chosen session, or give them a new claim code.
export function PersonActions({
  sessionId,
  learnerId,
  learnerName,
  statusInSession,
  claimable,
  labels,
}: {
  sessionId: string;
  learnerId: string;
  learnerName: string;
  statusInSession: 'confirmed' | 'waitlisted' | null;
  claimable: boolean;
  labels: PersonLabels;
}) {
  const [enrolled, enrollAction, enrolling] = useActionState(enrollPersonAction, {});
  const [code, codeAction, coding] = useActionState(newClaimCodeAction, {});
  return (
    <div className="mt-2">
      <FormMessage message={enrolled.message} tone={enrolled.ok ? 'success' : 'error'} />
      {statusInSession ? (
        <p className="font-semibold text-brand-800">{statusInSession === 'confirmed' ? labels.alreadyConfirmed : labels.alreadyWaiting}</p>
      ) : (
        <form action={enrollAction}>
          <input type="hidden" name="sessionId" value={sessionId} />
          <input type="hidden" name="learnerId" value={learnerId} />
          <input type="hidden" name="learnerName" value={learnerName} />
          <button type="submit" className="btn w-full sm:w-auto" disabled={enrolling}>
            {labels.enroll}
          </button>
        </form>
      )}
      {claimable && (
        <form action={codeAction} className="mt-2">
          {code.ok && code.values?.claimCode ? (
            <ClaimCode title={code.message ?? ''} text={labels.claimCodeText} code={code.values.claimCode} />
          ) : (
            <FormMessage message={code.message} />
          )}
          <input type="hidden" name="learnerId" value={learnerId} />
          <button type="submit" className="btn-secondary w-full sm:w-auto" disabled={coding}>
            {labels.newCode}
          </button>
        </form>
      )}
    </div>
  );
}
