import { box, Checkboxes, choice, describedBy, ErrorText, errorsOf, Radios, Select, TextField, type Ctx } from './fields';
import type { ActivityFormProps } from './types';

type Props = { f: Ctx; options: ActivityFormProps['options']; labels: Record<string, string>; learners: ActivityFormProps['learners']; communes: string[] };

// One person helped: someone known, or described without a name; their autonomy and where they
// were sent next.
export function IndividualFields({ f, options, labels: l, learners, communes }: Props) {
  const values = f.values;
  return (
    <>
      <fieldset className="mb-6" aria-describedby={describedBy('learnerId', errorsOf(f, 'learnerId'))}>
        <legend className="mb-1 text-lg font-bold">{l.person}</legend>
        <ErrorText name="learnerId" messages={errorsOf(f, 'learnerId')} />
        <label className={choice}>
          <input type="radio" name="person" value="known" defaultChecked={values.person === 'known'} className={box} />
          <span>{l.personKnown}</span>
        </label>
        <div className="only-known-person mb-2 ml-11">
          {learners.length ? (
            <Select f={f} name="learnerId" label={l.learner!} placeholder={l.learnerChoose} items={learners.map((p) => ({ value: p.id, label: p.name }))} errorKeys={[]} />
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
            {communes.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
      </fieldset>
      <Radios f={f} name="autonomy" legend={l.autonomy!} items={options.autonomy} errorKeys={['autonomy']} withNone />
      <Checkboxes f={f} name="orientation" legend={l.orientation!} hint={l.optional} prefix="orientation:" items={options.orientation} errorKeys={['orientation']} />
    </>
  );
}
