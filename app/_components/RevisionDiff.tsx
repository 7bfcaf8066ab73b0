import type { FieldDiff } from '@/lib/revisions';

// Shows what changed between two versions: added words underlined on green, removed words
// struck through on red, each also announced in words for screen readers.
export function RevisionDiff({ diffs, labels }: { diffs: FieldDiff[]; labels: { field: (name: string) => string; added: string; removed: string; none: string } }) {
  if (diffs.length === 0) return <p>{labels.none}</p>;
  return (
    <dl className="space-y-3">
      {diffs.map((diff) => (
        <div key={diff.field}>
          <dt className="font-semibold">{labels.field(diff.field)}</dt>
          <dd className="whitespace-pre-wrap break-words rounded border border-slate-300 bg-white p-3">
            {diff.parts.map((part, index) =>
              part.change === 'added' ? (
                <ins key={index} className="bg-green-100 text-green-900">
                  <span className="sr-only">{labels.added} </span>
                  {part.text}
                </ins>
              ) : part.change === 'removed' ? (
                <del key={index} className="bg-red-100 text-red-900">
                  <span className="sr-only">{labels.removed} </span>
                  {part.text}
                </del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
