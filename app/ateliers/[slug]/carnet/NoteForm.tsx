'use client';
import { useActionState } from 'react';
import { ChoiceGroup, errorsFor, SelectField, TextAreaField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { writeNoteAction } from './actions';

type Option = { value: string; label: string };
export type NoteFormLabels = { kind: string; visibility: string; visibilityHint: string; session: string; noSession: string; body: string; bodyHint: string; submit: string };

// "Écrire dans le carnet": kind, who reads it, an optional session, the text (markdown).
export function NoteForm({ workshop, labels, kinds, visibilities, sessions }: { workshop: string; labels: NoteFormLabels; kinds: Option[]; visibilities: Option[]; sessions: Option[] }) {
  const [state, action, pending] = useActionState(writeNoteAction, {});
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} noValidate className="max-w-2xl" aria-label={labels.submit}>
      <FormMessage message={state.message} tone={state.ok ? 'success' : 'error'} />
      <input type="hidden" name="workshop" value={workshop} />
      <ChoiceGroup name="kind" type="radio" legend={labels.kind} options={kinds} isChecked={(v) => (values.kind ?? 'tip') === v} errors={errorsFor(state.fieldErrors, 'kind')} columns />
      <ChoiceGroup
        name="visibility"
        type="radio"
        legend={labels.visibility}
        hint={labels.visibilityHint}
        options={visibilities}
        isChecked={(v) => (values.visibility ?? 'participants') === v}
        errors={errorsFor(state.fieldErrors, 'visibility')}
      />
      {sessions.length > 0 && (
        <SelectField name="sessionId" label={labels.session} options={[{ value: '', label: labels.noSession }, ...sessions]} defaultValue={values.sessionId ?? ''} errors={errorsFor(state.fieldErrors, 'sessionId')} />
      )}
      <TextAreaField name="body" label={labels.body} hint={labels.bodyHint} rows={6} required defaultValue={values.body} errors={errorsFor(state.fieldErrors, 'body', 'workshop')} />
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
