// The inputs of the activity form, each with its label, hint and errors tied to it
// (aria-describedby), so that every field reads the same way.

export type Option = { value: string; label: string };

export const input = 'block min-h-12 w-full rounded-lg border-2 px-3 py-2 text-base';
export const choice = 'flex min-h-12 items-center gap-3 rounded-lg px-2';
export const box = 'h-6 w-6 shrink-0 accent-brand-800';

// What every field needs to know: the values to show and the errors of the last attempt.
export type Ctx = { values: Record<string, string>; errors: Record<string, string[]>; notSaid: string };

export const errorsOf = (f: Ctx, ...names: string[]) =>
  Object.entries(f.errors)
    .filter(([key]) => names.some((n) => key === n || key.startsWith(`${n}.`)))
    .flatMap(([, messages]) => messages);
const errorId = (name: string) => `${name.replace(/[^a-zA-Z0-9-]/g, '-')}-erreur`;
export const describedBy = (name: string, messages: string[], hintId?: string) => [hintId, messages.length ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined;
const fieldId = (name: string) => `champ-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;

export function ErrorText({ name, messages }: { name: string; messages: string[] }) {
  return messages.length ? (
    <p id={errorId(name)} className="mt-1 font-semibold text-red-800">
      {messages.join(' ')}
    </p>
  ) : null;
}

export function Hint({ id, text }: { id?: string; text?: string }) {
  return text ? (
    <p id={id} className="mb-1 text-sm text-slate-700">
      {text}
    </p>
  ) : null;
}

type GroupProps = { f: Ctx; name: string; legend: string; items: Option[]; hint?: string; errorKeys: string[]; className?: string };

export function Checkboxes({ f, name, legend, prefix, items, hint, errorKeys, className = '', columns = false }: GroupProps & { prefix: string; columns?: boolean }) {
  const messages = errorsOf(f, ...errorKeys);
  const hintId = hint ? `${name}-aide` : undefined;
  return (
    <fieldset className={`mb-6 ${className}`} aria-describedby={describedBy(name, messages, hintId)}>
      <legend className="mb-1 text-lg font-bold">{legend}</legend>
      <Hint id={hintId} text={hint} />
      <ErrorText name={name} messages={messages} />
      <div className={columns ? 'grid gap-x-4 sm:grid-cols-2' : ''}>
        {items.map((o) => (
          <label key={o.value} className={choice}>
            <input type="checkbox" name={`${prefix}${o.value}`} defaultChecked={f.values[`${prefix}${o.value}`] === 'on'} className={box} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Radios({ f, name, legend, items, hint, errorKeys, withNone = false, className = '' }: GroupProps & { withNone?: boolean }) {
  const messages = errorsOf(f, ...errorKeys);
  const hintId = hint ? `${name}-aide` : undefined;
  const all = withNone ? [{ value: '', label: f.notSaid }, ...items] : items;
  return (
    <fieldset className={`mb-6 ${className}`} aria-describedby={describedBy(name, messages, hintId)}>
      <legend className="mb-1 text-lg font-bold">{legend}</legend>
      <Hint id={hintId} text={hint} />
      <ErrorText name={name} messages={messages} />
      {all.map((o) => (
        <label key={o.value || 'none'} className={choice}>
          <input type="radio" name={name} value={o.value} defaultChecked={(f.values[name] ?? '') === o.value} className={box} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Select({ f, name, label, items, errorKeys, placeholder }: { f: Ctx; name: string; label: string; items: Option[]; errorKeys: string[]; placeholder?: string }) {
  const messages = errorsOf(f, ...errorKeys);
  return (
    <div className="mb-4">
      <label htmlFor={fieldId(name)} className="mb-1 block font-semibold">
        {label}
      </label>
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={f.values[name] ?? ''}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(name, messages)}
        className={`${input} bg-white ${messages.length ? 'border-red-700' : 'border-slate-500'}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText name={name} messages={messages} />
    </div>
  );
}

export function NumberField({ f, name, label, errorKeys = [] }: { f: Ctx; name: string; label: string; errorKeys?: string[] }) {
  const messages = errorsOf(f, ...errorKeys);
  return (
    <div className="mb-3">
      <label htmlFor={fieldId(name)} className="mb-1 block">
        {label}
      </label>
      <input
        id={fieldId(name)}
        name={name}
        type="number"
        min="0"
        inputMode="numeric"
        defaultValue={f.values[name] ?? ''}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(name, messages)}
        className={`${input} max-w-40 ${messages.length ? 'border-red-700' : 'border-slate-500'}`}
      />
      <ErrorText name={name} messages={messages} />
    </div>
  );
}

export function TextField({ f, name, label, errorKeys, hint, type = 'text', max, list, className = '', small = false }: { f: Ctx; name: string; label: string; errorKeys: string[]; hint?: string; type?: string; max?: string; list?: string; className?: string; small?: boolean }) {
  const messages = errorsOf(f, ...errorKeys);
  const hintId = hint ? `${fieldId(name)}-aide` : undefined;
  return (
    <div className={small ? 'mb-4' : 'mb-6'}>
      <label htmlFor={fieldId(name)} className={small ? 'mb-1 block font-semibold' : 'mb-1 block text-lg font-bold'}>
        {label}
      </label>
      <Hint id={hintId} text={hint} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        max={max}
        list={list}
        autoComplete="off"
        defaultValue={f.values[name] ?? ''}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(errorKeys[0] ?? name, messages, hintId)}
        className={`${input} ${className} ${messages.length ? 'border-red-700' : 'border-slate-500'}`}
      />
      <ErrorText name={errorKeys[0] ?? name} messages={messages} />
    </div>
  );
}

// The activity form. It works without JavaScript (a server action posts it; on an error the page
// comes back with what was typed and a message next to each field). CSS shows the administrative
