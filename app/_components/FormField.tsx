// A labelled input with its hint and errors tied to it (aria-describedby), for every form.
type Props = {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  required?: boolean;
};

export function FormField({ name, label, type = 'text', autoComplete, hint, errors, defaultValue, required }: Props) {
  const hintId = hint ? `${name}-aide` : undefined;
  const errorId = errors?.length ? `${name}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-5">
      <label htmlFor={name} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-12 w-full rounded-lg border-2 px-3 py-2 text-base ${errorId ? 'border-red-700' : 'border-slate-500'}`}
      />
      {errorId && (
        <p id={errorId} className="mt-1 font-semibold text-red-800">
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}
