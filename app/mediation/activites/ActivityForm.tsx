'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '../../_components/FormMessage';
import { CollectiveFields } from './_form/CollectiveFields';
import { DurationField } from './_form/DurationField';
import { Checkboxes, describedBy, ErrorText, errorsOf, input, Radios, Select, TextField, type Ctx } from './_form/fields';
import { IndividualFields } from './_form/IndividualFields';
import type { ActivityFormProps } from './_form/types';
import { saveActivityAction } from './actions';

export function ActivityForm(props: ActivityFormProps) {
  const { kind, defaults, options, labels: l } = props;
  const [state, action, pending] = useActionState(saveActivityAction, {});
  const f: Ctx = { values: state.values ?? defaults, errors: state.fieldErrors ?? {}, notSaid: l.notSaid ?? '' };
  const values = f.values;

  const placeErrors = errorsOf(f, 'placeId', 'sessionId', 'kind');
  const notesErrors = errorsOf(f, 'notes');

  return (
    <form action={action} noValidate className="activity-form max-w-2xl">
      <FormMessage message={state.message} />
      <input type="hidden" name="kind" value={kind} />
      {props.activityId && <input type="hidden" name="activityId" value={props.activityId} />}
      {values.sessionId && <input type="hidden" name="sessionId" value={values.sessionId} />}
      <input type="hidden" name="placeId" value={props.place?.id ?? ''} />
      {placeErrors.length > 0 && <ErrorText name="placeId" messages={placeErrors} />}

      <TextField f={f} name="date" label={l.date!} type="date" max={props.today} errorKeys={['date']} className="max-w-60" />

      <DurationField f={f} options={options.durations} labels={l} />

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

      {kind === 'individual' && <IndividualFields f={f} options={options} labels={l} learners={props.learners} communes={props.communes} />}

      {kind === 'collective' && <CollectiveFields f={f} options={options} labels={l} learners={props.learners} />}

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
