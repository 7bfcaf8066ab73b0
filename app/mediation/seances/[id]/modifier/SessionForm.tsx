'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { ChoiceGroup, errorsFor, FormField } from '../../../../_components/Fields';
import { FormMessage } from '../../../../_components/FormMessage';
import type { StaffMessages } from '../../../_lib/messages';
import { updateSessionAction } from './actions';

type Initial = { id: string; date: string; startTime: string; endTime: string; capacity: number; signupCutoffHours: number; trainerIds: string[] };

export function SessionForm({ messages, initial, staff }: { messages: StaffMessages; initial: Initial; staff: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateSessionAction, {});
  const m = messages.manage.scheduleForm;
  const v = state.values;
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} />
      <input type="hidden" name="id" value={initial.id} />
      <FormField name="date" type="date" label={m.date} errors={errorsFor(errors, 'date')} defaultValue={v ? v.date : initial.date} required />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <FormField name="startTime" type="time" label={m.startTime} errors={errorsFor(errors, 'startTime')} defaultValue={v ? v.startTime : initial.startTime} required />
        <FormField name="endTime" type="time" label={m.endTime} errors={errorsFor(errors, 'endTime')} defaultValue={v ? v.endTime : initial.endTime} required />
      </div>
      <FormField name="capacity" type="number" label={m.capacity} errors={errorsFor(errors, 'capacity')} defaultValue={v ? v.capacity : String(initial.capacity)} required />
      {staff.length === 0 ? (
        <p className="mb-5">
          {m.trainers} : {m.noStaff}
        </p>
      ) : (
        <ChoiceGroup
          name="trainerIds"
          type="checkbox"
          legend={m.trainers}
          errors={errorsFor(errors, 'trainerIds')}
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
          isChecked={(value) => (v ? `trainerIds.${value}` in v : initial.trainerIds.includes(value))}
        />
      )}
      <FormField
        name="signupCutoffHours"
        type="number"
        label={m.cutoff}
        hint={m.cutoffHint}
        errors={errorsFor(errors, 'signupCutoffHours')}
        defaultValue={v ? v.signupCutoffHours : String(initial.signupCutoffHours)}
      />
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {messages.manage.sessionForm.submit}
      </button>
    </form>
  );
}
