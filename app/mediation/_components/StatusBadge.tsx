import type { WorkshopStatus } from '@/lib/catalogue/schema';

// The state of a workshop, in words and with a border colour (never colour alone).
export function StatusBadge({ status, label }: { status: WorkshopStatus; label: string }) {
  const tone = status === 'published' ? 'border-green-800 text-green-900' : status === 'draft' ? 'border-amber-800 text-amber-900' : 'border-slate-600 text-slate-800';
  return <span className={`inline-block rounded border-2 px-2 text-sm font-semibold ${tone}`}>{label}</span>;
}
