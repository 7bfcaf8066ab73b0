// The place picker of the GET forms that choose a place by its slug (statistics, the activity
// list, the yearly report, the activity form): a labelled <select name="lieu"> of places written
// "Name, Commune", with an optional first choice for "every place I may see".
export type PlaceChoice = { id: string; slug: string; name: string; commune: string };

export function PlaceSelect({
  label,
  places,
  value,
  allLabel,
  hint,
  strong,
}: {
  label: string;
  places: PlaceChoice[];
  value?: string;
  // The empty choice first ("Tout le réseau", "Mes lieux"); none when a place must be chosen.
  allLabel?: string;
  hint?: string;
  // A larger label, where the place is the first question of the page.
  strong?: boolean;
}) {
  const hintId = hint ? 'lieu-aide' : undefined;
  return (
    <div className="w-full sm:w-auto">
      <label htmlFor="lieu" className={`mb-1 block ${strong ? 'text-lg font-bold' : 'font-semibold'}`}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      <select id="lieu" name="lieu" defaultValue={value ?? (allLabel === undefined ? undefined : '')} aria-describedby={hintId} className="block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 sm:w-80">
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {places.map((p) => (
          <option key={p.id} value={p.slug}>
            {p.name}, {p.commune}
          </option>
        ))}
      </select>
    </div>
  );
}
