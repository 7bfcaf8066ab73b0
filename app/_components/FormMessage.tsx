// The form-level message, announced to screen readers when it appears.
export function FormMessage({ message, tone = 'error' }: { message?: string; tone?: 'error' | 'success' }) {
  return (
    <div role="alert" aria-live="assertive">
      {message && (
        <p className={`mb-4 rounded-lg border-2 p-3 font-semibold ${tone === 'error' ? 'border-red-700 bg-red-50 text-red-900' : 'border-green-700 bg-green-50 text-green-900'}`}>
          {message}
        </p>
      )}
    </div>
  );
}
