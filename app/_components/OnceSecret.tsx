'use client';
import { CopyField } from './CopyField';

export type OnceSecretLabels = { link: string; hint: string; once: string; copy: string; copied: string };

// A private link just made, with the warning that it will not be shown again (only its hash is
// kept): after ActionButton with `secret`, or a form whose action returns `secret`.
export function OnceSecret({ id, value, labels }: { id: string; value: string; labels: OnceSecretLabels }) {
  return (
    <div className="mb-3 w-full basis-full rounded-lg border-2 border-brand-700 p-3">
      <p role="status" className="mb-2 font-semibold">
        {labels.once}
      </p>
      <CopyField id={id} label={labels.link} hint={labels.hint} value={value} copyLabel={labels.copy} copiedLabel={labels.copied} />
    </div>
  );
}
