'use client';
import { useActionState, useEffect, useRef } from 'react';
import { errorsFor, TextAreaField, FormField } from '@/app/_components/Fields';
import { FormMessage } from '@/app/_components/FormMessage';
import { reportBarrierAction } from './actions';

export type ReportFormLabels = { description: string; descriptionHint: string; pageUrl: string; pageUrlHint: string; contact: string; contactHint: string; name: string; submit: string };

// The form that reaches the network's coordinators. After sending, the thanks replace the form
// and take the focus.
export function ReportForm({ labels, page }: { labels: ReportFormLabels; page: string }) {
  const [state, action, pending] = useActionState(reportBarrierAction, {});
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.ok) thanks.current?.focus();
  }, [state]);
  if (state.ok) {
    return (
      <p ref={thanks} tabIndex={-1} className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-semibold text-green-900">
        {state.message}
      </p>
    );
  }
  const values = state.values ?? {};
  return (
    <form action={action} noValidate className="max-w-2xl">
      <FormMessage message={state.message} />
      <TextAreaField name="description" label={labels.description} hint={labels.descriptionHint} errors={errorsFor(state.fieldErrors, 'description')} defaultValue={values.description} rows={5} required />
      <FormField name="pageUrl" label={labels.pageUrl} hint={labels.pageUrlHint} errors={errorsFor(state.fieldErrors, 'pageUrl')} defaultValue={values.pageUrl ?? page} />
      <FormField name="contact" label={labels.contact} hint={labels.contactHint} errors={errorsFor(state.fieldErrors, 'contact')} defaultValue={values.contact} autoComplete="email" />
      <FormField name="name" label={labels.name} errors={errorsFor(state.fieldErrors, 'name')} defaultValue={values.name} autoComplete="name" />
      <button type="submit" className="btn w-full sm:w-auto" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
