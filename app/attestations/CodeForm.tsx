// The verification code form: a GET to /attestations, which sends on to /attestations/CODE.
export function CodeForm({ label, hint, submit, defaultValue, error }: { label: string; hint: string; submit: string; defaultValue?: string; error?: string }) {
  return (
    <form method="get" action="/attestations" className="max-w-md" noValidate>
      <label htmlFor="code" className="mb-1 block font-semibold">
        {label}
      </label>
      <p id="code-aide" className="mb-1 text-sm text-slate-700">
        {hint}
      </p>
      <input
        id="code"
        name="code"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'code-aide code-erreur' : 'code-aide'}
        className={`mb-4 block min-h-12 w-full rounded-lg border-2 px-3 py-2 font-mono text-xl uppercase tracking-wider ${error ? 'border-red-700' : 'border-slate-500'}`}
      />
      {error && (
        <p id="code-erreur" className="-mt-3 mb-4 font-semibold text-red-800">
          {error}
        </p>
      )}
      <button type="submit" className="btn w-full sm:w-auto">
        {submit}
      </button>
    </form>
  );
}
