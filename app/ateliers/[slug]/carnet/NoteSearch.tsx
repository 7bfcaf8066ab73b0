// The search box of notes (the carnet of a workshop, Mes notes): a plain GET form.
export function NoteSearch({ id, name, label, button, value, action }: { id: string; name: string; label: string; button: string; value?: string; action?: string }) {
  return (
    <form method="get" role="search" className="mb-6 flex max-w-2xl flex-wrap items-end gap-2" action={action}>
      <div className="grow">
        <label htmlFor={id} className="mb-1 block font-semibold">
          {label}
        </label>
        <input id={id} name={name} type="search" defaultValue={value ?? ''} className="block min-h-12 w-full rounded-lg border-2 border-slate-500 px-3" />
      </div>
      <button type="submit" className="btn-secondary">
        {button}
      </button>
    </form>
  );
}
