// Form controls beyond FormField's single input: text areas, selects and groups of checkboxes
// or radio buttons. Each has a visible label (or legend), an optional hint and its errors tied
// to it with aria-describedby, and big touch targets.

// The errors of a field, including those of its items ("themes.0") and sub-fields ("repeat.until").
export function errorsFor(fieldErrors: Record<string, string[]> | undefined, ...names: string[]): string[] | undefined {
  if (!fieldErrors) return undefined;
  const found = Object.entries(fieldErrors)
    .filter(([key]) => names.some((name) => key === name || key.startsWith(`${name}.`)))
    .flatMap(([, messages]) => messages);
  return found.length ? [...new Set(found)] : undefined;
}

function describedBy(id: string, hint?: string, errors?: string[]) {
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = errors?.length ? `${id}-erreur` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Hint({ id, text }: { id?: string; text?: string }) {
  return text ? (
    <p id={id} className="mb-1 text-sm text-slate-700">
      {text}
    </p>
  ) : null;
}

function Errors({ id, errors }: { id?: string; errors?: string[] }) {
  return id && errors?.length ? (
    <p id={id} className="mt-1 font-semibold text-red-800">
      {errors.join(' ')}
    </p>
  ) : null;
}

type TextAreaProps = { name: string; label: string; hint?: string; errors?: string[]; defaultValue?: string; rows?: number; required?: boolean };

export function TextAreaField({ name, label, hint, errors, defaultValue, rows = 3, required }: TextAreaProps) {
  const ids = describedBy(name, hint, errors);
  return (
    <div className="mb-5">
      <label htmlFor={name} className="mb-1 block font-semibold">
        {label}
      </label>
      <Hint id={ids.hintId} text={hint} />
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={ids.errorId ? true : undefined}
        aria-describedby={ids.describedBy}
        className={`block w-full rounded-lg border-2 px-3 py-2 text-base ${ids.errorId ? 'border-red-700' : 'border-slate-500'}`}
      />
      <Errors id={ids.errorId} errors={errors} />
    </div>
  );
}

type SelectProps = { name: string; label: string; hint?: string; errors?: string[]; defaultValue?: string; options: { value: string; label: string }[] };

export function SelectField({ name, label, hint, errors, defaultValue, options }: SelectProps) {
  const ids = describedBy(name, hint, errors);
  return (
    <div className="mb-5">
      <label htmlFor={name} className="mb-1 block font-semibold">
        {label}
      </label>
      <Hint id={ids.hintId} text={hint} />
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={ids.errorId ? true : undefined}
        aria-describedby={ids.describedBy}
        className={`block min-h-12 w-full rounded-lg border-2 bg-white px-3 py-2 text-base ${ids.errorId ? 'border-red-700' : 'border-slate-500'}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors id={ids.errorId} errors={errors} />
    </div>
  );
}

type ChoiceGroupProps = {
  // Checkboxes are named "<name>.<value>" (one name per choice); radio buttons share "<name>".
  name: string;
  type: 'checkbox' | 'radio';
  legend: string;
  hint?: string;
  errors?: string[];
  options: { value: string; label: string }[];
  isChecked: (value: string) => boolean;
  columns?: boolean;
  // Needed when two groups on a page share a name.
  idPrefix?: string;
};

export function ChoiceGroup({ name, type, legend, hint, errors, options, isChecked, columns, idPrefix = name }: ChoiceGroupProps) {
  const id = `groupe-${idPrefix}`;
  const ids = describedBy(id, hint, errors);
  return (
    <fieldset className="mb-5" aria-describedby={ids.describedBy}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <Hint id={ids.hintId} text={hint} />
      <div className={columns ? 'grid gap-x-4 sm:grid-cols-2' : 'grid'}>
        {options.map((option, index) => {
          const inputId = `${idPrefix}-${index}`;
          return (
            <label key={option.value} htmlFor={inputId} className="flex min-h-12 cursor-pointer items-center gap-3 py-1">
              <input
                id={inputId}
                type={type}
                name={type === 'checkbox' ? `${name}.${option.value}` : name}
                value={type === 'checkbox' ? 'on' : option.value}
                defaultChecked={isChecked(option.value)}
                aria-invalid={ids.errorId ? true : undefined}
                className="h-6 w-6 shrink-0 accent-brand-800"
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      <Errors id={ids.errorId} errors={errors} />
    </fieldset>
  );
}

// "Bonjour {name}" → "Bonjour Marie", for messages passed down to client components.
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? `{${key}}`));
}
