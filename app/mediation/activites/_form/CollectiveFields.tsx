import { box, choice, describedBy, ErrorText, errorsOf, NumberField, type Ctx } from './fields';
import type { ActivityFormProps } from './types';

type Props = { f: Ctx; options: ActivityFormProps['options']; labels: Record<string, string>; learners: ActivityFormProps['learners'] };

// A group: the known participants to tick, and the others as a head count with an optional
// breakdown by gender, age and situation.
export function CollectiveFields({ f, options, labels: l, learners }: Props) {
  const values = f.values;
  const messages = errorsOf(f, 'participantIds');
  const anonymousBreakdownOpen = ['anonGender:', 'anonAge:', 'anonStatus:'].some((p) => Object.entries(values).some(([k, v]) => k.startsWith(p) && v)) || errorsOf(f, 'anonymousParticipants').length > 0;
  return (
    <>
          <fieldset className="mb-6" aria-describedby={describedBy('participantIds', messages, 'participants-aide')}>
            <legend className="mb-1 text-lg font-bold">{l.participants}</legend>
            <p id="participants-aide" className="mb-1 text-sm text-slate-700">
              {learners.length ? l.participantsHint : l.noKnown}
            </p>
            <ErrorText name="participantIds" messages={messages} />
            {learners.length > 0 && (
              <div className={learners.length > 12 ? 'max-h-96 overflow-y-auto rounded-lg border border-slate-300 p-2' : ''}>
                {learners.map((p) => (
                  <label key={p.id} className={choice}>
                    <input type="checkbox" name={`participant:${p.id}`} defaultChecked={values[`participant:${p.id}`] === 'on'} className={box} />
                    <span>{p.name}</span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
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
  );
}
