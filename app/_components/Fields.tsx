import Link from 'next/link';
import type { ReactNode } from 'react';

// The form controls of every form: inputs, text areas, selects, the consent checkbox and groups
// of checkboxes or radio buttons. Each has a visible label (or legend), an optional hint and its
// errors tied to it with aria-describedby, and big touch targets.

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

type ControlAttributes = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

// A labelled control: label, hint, the control itself (given its id, name and aria attributes)
// and the errors. `invalid` tells the control to draw a red border.
function Field({ name, label, hint, errors, control }: { name: string; label: string; hint?: string; errors?: string[]; control: (attributes: ControlAttributes, invalid: boolean) => ReactNode }) {
  const ids = describedBy(name, hint, errors);
  const invalid = Boolean(ids.errorId);
  return (
    <div className="mb-5">
      <label htmlFor={name} className="mb-1 block font-semibold">
        {label}
      </label>
      <Hint id={ids.hintId} text={hint} />
      {control({ id: name, name, 'aria-invalid': invalid ? true : undefined, 'aria-describedby': ids.describedBy }, invalid)}
      <Errors id={ids.errorId} errors={errors} />
    </div>
  );
}

const border = (invalid: boolean) => (invalid ? 'border-red-700' : 'border-slate-500');

type FieldProps = { name: string; label: string; hint?: string; errors?: string[]; defaultValue?: string; required?: boolean };

export function FormField({ type = 'text', autoComplete, defaultValue, required, ...field }: FieldProps & { type?: string; autoComplete?: string }) {
  return (
    <Field
      {...field}
      control={(attributes, invalid) => (
        <input {...attributes} type={type} autoComplete={autoComplete} defaultValue={defaultValue} required={required} className={`block min-h-12 w-full rounded-lg border-2 px-3 py-2 text-base ${border(invalid)}`} />
      )}
    />
  );
}

export function TextAreaField({ rows = 3, defaultValue, required, ...field }: FieldProps & { rows?: number }) {
  return (
    <Field
      {...field}
      control={(attributes, invalid) => (
        <textarea {...attributes} rows={rows} defaultValue={defaultValue} required={required} className={`block w-full rounded-lg border-2 px-3 py-2 text-base ${border(invalid)}`} />
      )}
    />
  );
}

export function SelectField({ defaultValue, options, ...field }: Omit<FieldProps, 'required'> & { options: { value: string; label: string }[] }) {
  return (
    <Field
      {...field}
      control={(attributes, invalid) => (
        <select {...attributes} defaultValue={defaultValue} className={`block min-h-12 w-full rounded-lg border-2 bg-white px-3 py-2 text-base ${border(invalid)}`}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

// The person's consent to a profile kept by a mediator (name "consent"), with an optional link
// to the privacy text to read to them.
export function ConsentField({ label, errors, defaultChecked, privacyLink }: { label: string; errors?: string[]; defaultChecked?: boolean; privacyLink?: string }) {
  const ids = describedBy('consent', undefined, errors);
  return (
    <div className="mb-5">
      <div className="flex items-start gap-3">
        <input
          id="consent"
          name="consent"
          type="checkbox"
          required
          defaultChecked={defaultChecked}
          aria-invalid={ids.errorId ? true : undefined}
          aria-describedby={ids.describedBy}
          className="mt-1 h-6 w-6 shrink-0"
        />
        <label htmlFor="consent" className="font-semibold">
          {label}
        </label>
      </div>
      {privacyLink && (
        <p className="mt-1 pl-9 text-sm">
          <Link href="/confidentialite" target="_blank" className="underline">
            {privacyLink}
          </Link>
        </p>
      )}
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
