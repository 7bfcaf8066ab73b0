'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormMessage } from '@/app/_components/FormMessage';

// Sends a file to POST /api/v1/resources/{slug}/files (the same route as API clients: the file
// is streamed into storage, type and size checked there) and shows the French answer.
export function FileUpload({ slug, labels }: { slug: string; labels: { file: string; hint: string; submit: string; sending: string; done: string; failed: string } }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ text: labels.failed, ok: false });
      return;
    }
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/v1/resources/${encodeURIComponent(slug)}/files`, { method: 'POST', body: data });
      const json = (await response.json().catch(() => ({}))) as { detail?: string; name?: string };
      if (response.ok) {
        setMessage({ text: `${labels.done} ${json.name ?? ''}`.trim(), ok: true });
        form.reset();
        router.refresh();
      } else {
        setMessage({ text: json.detail ?? labels.failed, ok: false });
      }
    } catch {
      setMessage({ text: labels.failed, ok: false });
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={submit} encType="multipart/form-data">
      <FormMessage message={message?.text} tone={message?.ok ? 'success' : 'error'} />
      <label htmlFor="fichier" className="mb-1 block font-semibold">
        {labels.file}
      </label>
      <p id="fichier-aide" className="mb-1 text-sm text-slate-700">
        {labels.hint}
      </p>
      <input id="fichier" name="file" type="file" aria-describedby="fichier-aide" accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.odt,.odp,.docx,.pptx,.zip" className="mb-3 block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 py-2" />
      <button type="submit" className="btn" disabled={pending}>
        {pending ? labels.sending : labels.submit}
      </button>
    </form>
  );
}
