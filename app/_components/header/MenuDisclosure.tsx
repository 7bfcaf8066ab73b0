'use client';
import { usePathname } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

// The phone header's "Menu" button and the panel it shows or hides (a disclosure, as the GOV.UK
// and DSFR headers do): aria-expanded on the button, Escape closes and gives the focus back, and
// going to another page closes it. From the md breakpoint the panel's children sit in the header
// itself (display: contents) and the button is gone; without JavaScript the panel is always shown.
export function MenuDisclosure({ label, panelId, children }: { label: string; panelId: string; children: ReactNode }) {
  const pathname = usePathname();
  // Open on the page where it was opened: a new page starts with the menu closed.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpenOn(null);
    button.current?.focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
        onKeyDown={closeOnEscape}
        className="inline-flex min-h-12 shrink-0 items-center gap-2 rounded-lg border-2 border-brand-800 bg-white px-3 text-base font-semibold text-brand-800 md:hidden noscript:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        {label}
      </button>
      <div id={panelId} onKeyDown={closeOnEscape} className={`${open ? 'flex' : 'hidden'} w-full basis-full flex-col gap-2 pb-3 noscript:flex md:contents`}>
        {children}
      </div>
    </>
  );
}
