'use client';
import { useState } from 'react';

// A read-only field holding a link, with a copy button (the field alone works without JavaScript:
// select it and copy).
export function CopyField({ id, label, hint, value, copyLabel, copiedLabel }: { id: string; label: string; hint: string; value: string; copyLabel: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <p id={`${id}-aide`} className="mb-1 text-sm text-slate-700">
        {hint}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          aria-describedby={`${id}-aide`}
          onFocus={(event) => event.currentTarget.select()}
          className="block min-h-12 min-w-0 flex-1 basis-64 rounded-lg border-2 border-slate-500 px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          className="btn-secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(value);
            setCopied(true);
          }}
        >
          {copyLabel}
        </button>
      </div>
      <p role="status" className="mt-1 text-sm font-semibold text-green-900">
        {copied ? copiedLabel : ''}
      </p>
    </div>
  );
}
