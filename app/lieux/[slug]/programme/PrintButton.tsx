'use client';

// Opens the browser's print dialog; the page itself is laid out for A4 paper.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn" onClick={() => window.print()}>
      {label}
    </button>
  );
}
