'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '../../_components/FormMessage';
import { saveActivityAction } from './actions';

export type Option = { value: string; label: string };

export type ActivityFormProps = {
  kind: 'individual' | 'collective';
  activityId?: string;
  defaults: Record<string, string>;
  place: { id: string; name: string } | null;
  today: string;
  options: {
    durations: Option[];
    placeTypes: Option[];
    themes: Option[];
    adminThemes: Option[];
    equipment: Option[];
    autonomy: Option[];
    orientation: Option[];
    completion: Option[];
    genders: Option[];
    ageBands: Option[];
    socialStatuses: Option[];
    levels: Option[];
  };
  learners: { id: string; name: string }[];
  communes: string[];
  labels: Record<string, string>;
  cancelHref: string;
};

const input = 'block min-h-12 w-full rounded-lg border-2 px-3 py-2 text-base';
const choice = 'flex min-h-12 items-center gap-3 rounded-lg px-2';
const box = 'h-6 w-6 shrink-0 accent-brand-800';

// What every field needs to know: the values to show and the errors of the last attempt.
type Ctx = { values: Record<string, string>; errors: Record<string, string[]>; notSaid: string };

const errorsOf = (f: Ctx, ...names: string[]) =>
  Object.entries(f.errors)
    .filter(([key]) => names.some((n) => key === n || key.startsWith(`${n}.`)))
    .flatMap(([, messages]) => messages);
const errorId = (name: string) => `${name.replace(/[^a-zA-Z0-9-]/g, '-')}-erreur`;
const describedBy = (name: string, messages: string[], hintId?: string) => [hintId, messages.length ? errorId(name) : undefined].filter(Boolean).join(' ') || undefined;
const fieldId = (name: string) => `champ-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;

function ErrorText({ name, messages }: { name: string; messages: string[] }) {
  return messages.length ? (
    <p id={errorId(name)} className="mt-1 font-semibold text-red-800">
      {messages.join(' ')}
    </p>
  ) : null;
}

function Hint({ id, text }: { id?: string; text?: string }) {
  return text ? (
    <p id={id} className="mb-1 text-sm text-slate-700">
      {text}
    </p>
  ) : null;
}

type GroupProps = { f: Ctx; name: string; legend: string; items: Option[]; hint?: string; errorKeys: string[]; className?: string };

function Checkboxes({ f, name, legend, prefix, items, hint, errorKeys, className = '', columns = false }: GroupProps & { prefix: string; columns?: boolean }) {
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

function Radios({ f, name, legend, items, hint, errorKeys, withNone = false, className = '' }: GroupProps & { withNone?: boolean }) {
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

function Select({ f, name, label, items, errorKeys, placeholder }: { f: Ctx; name: string; label: string; items: Option[]; errorKeys: string[]; placeholder?: string }) {
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

function NumberField({ f, name, label, errorKeys = [] }: { f: Ctx; name: string; label: string; errorKeys?: string[] }) {
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

function TextField({ f, name, label, errorKeys, hint, type = 'text', max, list, className = '', small = false }: { f: Ctx; name: string; label: string; errorKeys: string[]; hint?: string; type?: string; max?: string; list?: string; className?: string; small?: boolean }) {
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
// sub-themes only with their theme, and only the fields of the chosen kind of person.
export function ActivityForm(props: ActivityFormProps) {
  const { kind, defaults, options, labels: l } = props;
  const [state, action, pending] = useActionState(saveActivityAction, {});
  const f: Ctx = { values: state.values ?? defaults, errors: state.fieldErrors ?? {}, notSaid: l.notSaid ?? '' };
  const values = f.values;

  const durationErrors = errorsOf(f, 'durationMinutes');
  const placeErrors = errorsOf(f, 'placeId', 'sessionId', 'kind');
  const notesErrors = errorsOf(f, 'notes');
  const anonymousBreakdownOpen = ['anonGender:', 'anonAge:', 'anonStatus:'].some((p) => Object.entries(values).some(([k, v]) => k.startsWith(p) && v)) || errorsOf(f, 'anonymousParticipants').length > 0;

  return (
    <form action={action} noValidate className="activity-form max-w-2xl">
      <FormMessage message={state.message} />
      <input type="hidden" name="kind" value={kind} />
      {props.activityId && <input type="hidden" name="activityId" value={props.activityId} />}
      {values.sessionId && <input type="hidden" name="sessionId" value={values.sessionId} />}
      <input type="hidden" name="placeId" value={props.place?.id ?? ''} />
      {placeErrors.length > 0 && <ErrorText name="placeId" messages={placeErrors} />}

      <TextField f={f} name="date" label={l.date!} type="date" max={props.today} errorKeys={['date']} className="max-w-60" />

      <fieldset className="mb-6" aria-describedby={describedBy('durationMinutes', durationErrors)}>
        <legend className="mb-1 text-lg font-bold">{l.duration}</legend>
        <ErrorText name="durationMinutes" messages={durationErrors} />
        <div className="flex flex-wrap gap-x-2">
          {options.durations.map((o) => (
            <label key={o.value} className={`${choice} min-w-28`}>
              <input type="radio" name="duration" value={o.value} defaultChecked={values.duration === o.value} className={box} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        <label className={choice}>
          <input type="radio" name="duration" value="other" defaultChecked={values.duration === 'other'} className={box} />
          <span>{l.durationOther}</span>
        </label>
        <div className="ml-11 mt-1">
          <label htmlFor="champ-durationOther" className="mb-1 block">
            {l.durationOtherLabel}
          </label>
          <input id="champ-durationOther" name="durationOther" type="number" min="1" max="720" inputMode="numeric" defaultValue={values.durationOther ?? ''} className={`${input} max-w-40 border-slate-500`} />
        </div>
      </fieldset>

      <Radios f={f} name="placeType" legend={l.placeType!} items={options.placeTypes} errorKeys={['placeType']} />

      {kind === 'collective' && (
        <>
          <TextField f={f} name="title" label={l.workshopTitle!} errorKeys={['title']} />
          <Select f={f} name="level" label={l.level!} items={options.levels} errorKeys={['level']} />
        </>
      )}

      <Checkboxes f={f} name="themes" legend={l.themes!} hint={l.themesHint} prefix="theme:" items={options.themes} errorKeys={['themes']} columns />

      <div className="only-with-demarches" data-error={errorsOf(f, 'adminThemes', 'completion').length ? '' : undefined}>
        <Checkboxes f={f} name="adminThemes" legend={l.adminThemes!} hint={l.adminThemesHint} prefix="adminTheme:" items={options.adminThemes} errorKeys={['adminThemes']} columns />
        {kind === 'individual' && <Radios f={f} name="completion" legend={l.completion!} items={options.completion} errorKeys={['completion']} withNone />}
      </div>

      <Checkboxes f={f} name="equipment" legend={l.equipment!} hint={l.optional} prefix="equipment:" items={options.equipment} errorKeys={['equipment']} />

      {kind === 'individual' && (
        <>
          <fieldset className="mb-6" aria-describedby={describedBy('learnerId', errorsOf(f, 'learnerId'))}>
            <legend className="mb-1 text-lg font-bold">{l.person}</legend>
            <ErrorText name="learnerId" messages={errorsOf(f, 'learnerId')} />
            <label className={choice}>
              <input type="radio" name="person" value="known" defaultChecked={values.person === 'known'} className={box} />
              <span>{l.personKnown}</span>
            </label>
            <div className="only-known-person mb-2 ml-11">
              {props.learners.length ? (
                <Select f={f} name="learnerId" label={l.learner!} placeholder={l.learnerChoose} items={props.learners.map((p) => ({ value: p.id, label: p.name }))} errorKeys={[]} />
              ) : (
                <p className="text-slate-700">{l.noLearners}</p>
              )}
            </div>
            <label className={choice}>
              <input type="radio" name="person" value="anonymous" defaultChecked={values.person === 'anonymous'} className={box} />
              <span>{l.personAnonymous}</span>
            </label>
            <div className="only-anonymous-person ml-11">
              <Select f={f} name="anon.gender" label={l.gender!} items={options.genders} errorKeys={['anonymousPerson.gender']} />
              <Select f={f} name="anon.ageBand" label={l.ageBand!} items={options.ageBands} errorKeys={['anonymousPerson.ageBand']} />
              <Select f={f} name="anon.socialStatus" label={l.socialStatus!} items={options.socialStatuses} errorKeys={['anonymousPerson.socialStatus']} />
              <TextField f={f} small name="anon.commune" label={l.commune!} hint={l.optional} list="communes" errorKeys={['anonymousPerson.commune']} />
              <datalist id="communes">
                {props.communes.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </div>
          </fieldset>
          <Radios f={f} name="autonomy" legend={l.autonomy!} items={options.autonomy} errorKeys={['autonomy']} withNone />
          <Checkboxes f={f} name="orientation" legend={l.orientation!} hint={l.optional} prefix="orientation:" items={options.orientation} errorKeys={['orientation']} />
        </>
      )}

      {kind === 'collective' && (
        <>
          {(() => {
            const messages = errorsOf(f, 'participantIds');
            return (
              <fieldset className="mb-6" aria-describedby={describedBy('participantIds', messages, 'participants-aide')}>
                <legend className="mb-1 text-lg font-bold">{l.participants}</legend>
                <p id="participants-aide" className="mb-1 text-sm text-slate-700">
                  {props.learners.length ? l.participantsHint : l.noKnown}
                </p>
                <ErrorText name="participantIds" messages={messages} />
                {props.learners.length > 0 && (
                  <div className={props.learners.length > 12 ? 'max-h-96 overflow-y-auto rounded-lg border border-slate-300 p-2' : ''}>
                    {props.learners.map((p) => (
                      <label key={p.id} className={choice}>
                        <input type="checkbox" name={`participant:${p.id}`} defaultChecked={values[`participant:${p.id}`] === 'on'} className={box} />
                        <span>{p.name}</span>
                      </label>
                    ))}
                  </div>
                )}
              </fieldset>
            );
          })()}
          <fieldset className="mb-6">
            <legend className="mb-1 text-lg font-bold">{l.anonymous}</legend>
            <NumberField f={f} name="anonCount" label={l.anonCount!} errorKeys={['anonymousParticipants.count']} />
            <details open={anonymousBreakdownOpen} className="rounded-lg border border-slate-300 p-3">
              <summary className="inline-flex min-h-12 cursor-pointer items-center font-semibold text-brand-800 underline">{l.anonHint}</summary>
              {(
                [
                  ['byGender', 'anonGender:', options.genders, 'anonymousParticipants.gender'],
                  ['byAge', 'anonAge:', options.ageBands, 'anonymousParticipants.ageBand'],
                  ['byStatus', 'anonStatus:', options.socialStatuses, 'anonymousParticipants.socialStatus'],
                ] as const
              ).map(([legend, prefix, items, errorKey]) => {
                const messages = errorsOf(f, errorKey);
                return (
                  <fieldset key={legend} className="mt-3" aria-describedby={describedBy(errorKey, messages)}>
                    <legend className="mb-1 font-bold">{l[legend]}</legend>
                    <ErrorText name={errorKey} messages={messages} />
                    <div className="grid gap-x-4 sm:grid-cols-2">
                      {items
                        .filter((o) => o.value !== 'unknown')
                        .map((o) => (
                          <NumberField f={f} key={o.value} name={`${prefix}${o.value}`} label={o.label} />
                        ))}
                    </div>
                  </fieldset>
                );
              })}
            </details>
          </fieldset>
        </>
      )}

      <div className="mb-6">
        <label htmlFor="champ-notes" className="mb-1 block text-lg font-bold">
          {l.notes}
        </label>
        <p id="notes-aide" className="mb-1 text-sm text-slate-700">
          {l.notesHint}
        </p>
        <textarea id="champ-notes" name="notes" rows={4} defaultValue={values.notes ?? ''} aria-describedby={describedBy('notes', notesErrors, 'notes-aide')} className={`${input} border-slate-500`} />
        <ErrorText name="notes" messages={notesErrors} />
      </div>

      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn" disabled={pending}>
          {l.save}
        </button>
        <Link href={props.cancelHref} className="btn-secondary">
          {l.cancel}
        </Link>
      </div>
    </form>
  );
}
