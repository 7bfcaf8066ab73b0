import { box, choice, describedBy, ErrorText, errorsOf, input, type Ctx, type Option } from './fields';

// How long it took: the usual durations as radios, or another number of minutes.
export function DurationField({ f, options, labels: l }: { f: Ctx; options: Option[]; labels: Record<string, string> }) {
  const values = f.values;
  const durationErrors = errorsOf(f, 'durationMinutes');
  return (
    <fieldset className="mb-6" aria-describedby={describedBy('durationMinutes', durationErrors)}>
      <legend className="mb-1 text-lg font-bold">{l.duration}</legend>
      <ErrorText name="durationMinutes" messages={durationErrors} />
      <div className="flex flex-wrap gap-x-2">
        {options.map((o) => (
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
  );
}
