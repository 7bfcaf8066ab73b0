'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

// Shown only once JavaScript runs (without it, the browser's own Print command does the same).
export function PrintButton({ label }: { label: string }) {
  const ready = useSyncExternalStore(subscribe, () => true, () => false);
  if (!ready) return null;
  return (
    <button type="button" className="btn" onClick={() => window.print()}>
      {label}
    </button>
  );
}
