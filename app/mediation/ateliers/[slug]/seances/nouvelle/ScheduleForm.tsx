'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/action';
import { ChoiceGroup, errorsFor, fill, FormField } from '../../../../../_components/Fields';
import { FormMessage } from '../../../../../_components/FormMessage';
import type { StaffMessages } from '../../../../_lib/messages';
import { scheduleSessionAction } from '../../../actions';

type PlaceChoice = { id: string; name: string; commune: string; staff: { id: string; name: string }[] };

export function ScheduleForm({ messages, slug, duration, places, me }: { messages: StaffMessages; slug: string; duration: string; places: PlaceChoice[]; me: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(scheduleSessionAction, {});
  const m = messages.manage.scheduleForm;
  const v = state.values;
  const errors = state.fieldErrors;
  const only = places.length === 1 ? places[0] : undefined;
  const repeat = v?.frequency === 'repeat';

  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} />
      <input type="hidden" name="slug" value={slug} />
      {only ? (
        <>
          <input type="hidden" name="placeId" value={only.id} />
          <p className="mb-5 font-semibold">{fill(m.placeOnly, { place: `${only.name} (${only.commune})` })}</p>
        </>
      ) : (
        <ChoiceGroup
          name="placeId"
          type="radio"
          legend={m.place}
          errors={errorsFor(errors, 'placeId')}
          options={places.map((p) => ({ value: p.id, label: `${p.name} (${p.commune})` }))}
          isChecked={(value) => v?.placeId === value}
        />
      )}
      <FormField name="date" type="date" label={m.date} hint={m.dateRepeatHint} errors={errorsFor(errors, 'date')} defaultValue={v?.date} required />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <FormField name="startTime" type="time" label={m.startTime} errors={errorsFor(errors, 'startTime')} defaultValue={v?.startTime} required />
        <FormField name="endTime" type="time" label={m.endTime} hint={fill(m.endTimeHint, { duration })} errors={errorsFor(errors, 'endTime')} defaultValue={v?.endTime} />
      </div>
      <FormField name="capacity" type="number" label={m.capacity} errors={errorsFor(errors, 'capacity')} defaultValue={v ? v.capacity : '10'} required />
      {places.map((p) =>
        p.staff.length === 0 ? (
          <p key={p.id} className="mb-5">
            {fill(m.trainersAt, { place: p.name })} : {m.noStaff}
          </p>
        ) : (
          <ChoiceGroup
            key={p.id}
            idPrefix={`trainerIds-${p.id}`}
            name="trainerIds"
            type="checkbox"
            legend={only ? m.trainers : fill(m.trainersAt, { place: p.name })}
            errors={errorsFor(errors, 'trainerIds')}
            options={p.staff.map((s) => ({ value: s.id, label: s.name }))}
            isChecked={(value) => (v ? `trainerIds.${value}` in v : value === me)}
          />
        ),
      )}
      <FormField name="signupCutoffHours" type="number" label={m.cutoff} hint={m.cutoffHint} errors={errorsFor(errors, 'signupCutoffHours')} defaultValue={v ? v.signupCutoffHours : '0'} />
      <ChoiceGroup
        name="frequency"
        type="radio"
        legend={m.frequency}
        options={[
          { value: 'once', label: m.once },
          { value: 'repeat', label: m.repeat },
        ]}
        isChecked={(value) => (repeat ? value === 'repeat' : value === 'once')}
      />
      <fieldset className="card mb-6">
        <legend className="px-1 text-lg font-bold">{m.repeatTitle}</legend>
        <ChoiceGroup
          name="weekdays"
          type="checkbox"
          legend={m.weekdays}
          hint={m.weekdaysHint}
          errors={errorsFor(errors, 'repeat.weekdays')}
          options={(['1', '2', '3', '4', '5', '6', '7'] as const).map((day) => ({ value: day, label: messages.manage.weekdays[day] }))}
          isChecked={(value) => Boolean(v && `weekdays.${value}` in v)}
          columns
        />
        <FormField name="everyWeeks" type="number" label={m.everyWeeks} hint={m.everyWeeksHint} errors={errorsFor(errors, 'repeat.everyWeeks')} defaultValue={v ? v.everyWeeks : '1'} />
        <FormField name="until" type="date" label={m.until} hint={m.untilHint} errors={errorsFor(errors, 'repeat.until', 'repeat')} defaultValue={v?.until} />
      </fieldset>
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {m.submit}
      </button>
    </form>
  );
}
