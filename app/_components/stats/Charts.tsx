// Server-rendered SVG charts: no JavaScript, sharp on screen and on paper. Every bar has its
// number written next to it, the two series of the trend differ by pattern (solid, hatched) and
// not only by colour, and each chart comes with its data as a table.
//
// The SVG has no viewBox: widths are percentages of the page and text keeps its real size, so a
// chart reads the same on a 360 px phone and on a desktop.

const INK = '#0f172a';
const BAR = '#0b4a45';
const HATCH = '#9a3412';
const TRACK = '#eef2f6';
const FONT = 15;
const LINE = 19;
const BAR_HEIGHT = 14;
const GAP = 10;
// About what fits on one line of the narrowest chart (a 360 px phone), number included.
const LINE_CHARS = 36;

// valueText: the number as shown ("12", "moins de 3"); shareText: its share ("30 %").
export type BarRow = { label: string; value: number | null; valueText: string; shareText?: string };

export type TableLabels = { showTable: string; category: string; value: string; share?: string };

// Two lines at most; the table has the full label.
function wrap(label: string, max: number): string[] {
  if (label.length <= max) return [label];
  const words = label.split(' ');
  let first = '';
  while (words.length && (first ? `${first} ${words[0]}` : words[0]!).length <= max) first = first ? `${first} ${words.shift()}` : words.shift()!;
  if (!first) first = label.slice(0, max - 1) + '…';
  let rest = words.join(' ');
  if (rest.length > max) rest = rest.slice(0, max - 1) + '…';
  return rest ? [first, rest] : [first];
}

// One small SVG per row inside one labelled image: on paper a long chart can then continue on
// the next sheet between two rows instead of jumping whole to it.
function Bars({ rows, describedBy, labelledBy }: { rows: BarRow[]; describedBy: string; labelledBy: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const numberText = (row: BarRow) => (row.shareText ? `${row.valueText} (${row.shareText})` : row.valueText);
  return (
    <div role="img" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {rows.map((row) => {
        // The label (one or two lines) with the number on the right, then the bar.
        const lines = wrap(row.label, Math.max(14, LINE_CHARS - numberText(row).length - 2));
        const barY = lines.length * LINE + 4;
        const width = row.value ? Math.max(0.5, (row.value / max) * 100) : 0;
        return (
          <svg key={row.label} aria-hidden="true" focusable="false" width="100%" height={barY + BAR_HEIGHT + GAP} className="block break-inside-avoid">
            {lines.map((line, j) => (
              <text key={j} x="0" y={(j + 1) * LINE - 5} fontSize={FONT} fill={INK}>
                {line}
              </text>
            ))}
            <text x="100%" y={LINE - 5} fontSize={FONT} fontWeight="700" fill={INK} textAnchor="end">
              {numberText(row)}
            </text>
            <rect x="0" y={barY} width="100%" height={BAR_HEIGHT} fill={TRACK} />
            {width > 0 && <rect x="0" y={barY} width={`${width}%`} height={BAR_HEIGHT} fill={BAR} />}
          </svg>
        );
      })}
    </div>
  );
}

export function BarChart({
  id,
  title,
  unit,
  rows,
  tableRows,
  labels,
  empty,
}: {
  id: string;
  title: string;
  unit: string;
  rows: BarRow[];
  // The table may list more rows than the chart (the chart groups the smallest as "Others").
  tableRows?: BarRow[];
  labels: TableLabels;
  empty: string;
}) {
  const table = tableRows ?? rows;
  const hasData = rows.some((r) => r.value !== 0);
  return (
    <figure className="card chart mb-4" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`} className="text-xl font-bold">
        {title}
      </h3>
      <p id={`${id}-unite`} className="mb-3 text-sm text-slate-700">
        {unit}
      </p>
      {hasData ? <Bars rows={rows} labelledBy={`${id}-titre`} describedBy={`${id}-unite`} /> : <p>{empty}</p>}
      {hasData && (
        <details className="mt-3">
          <summary className="inline-flex min-h-12 cursor-pointer items-center font-semibold text-brand-800 underline">{labels.showTable}</summary>
          <DataTable caption={title} labels={labels} rows={table} />
        </details>
      )}
    </figure>
  );
}

function DataTable({ caption, labels, rows }: { caption: string; labels: TableLabels; rows: BarRow[] }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="py-1 pr-2">
              {labels.category}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {labels.value}
            </th>
            {labels.share && (
              <th scope="col" className="py-1 text-right">
                {labels.share}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-2 font-normal">
                {r.label}
              </th>
              <td className="py-1 pr-2 text-right">{r.valueText}</td>
              {labels.share && <td className="py-1 text-right">{r.shareText ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type MonthBar = { label: string; individual: number; collective: number; totalText: string; hoursText: string };

export type TrendLabels = {
  legend: string;
  individual: string;
  collective: string;
  showTable: string;
  month: string;
  individualColumn: string;
  collectiveColumn: string;
  hours: string;
};

function Swatch({ hatched, id }: { hatched: boolean; id: string }) {
  return (
    <svg width="28" height="16" aria-hidden="true" className="mr-2 inline-block align-middle">
      {hatched && <HatchPattern id={id} />}
      <rect x="1" y="1" width="26" height="14" fill={hatched ? `url(#${id})` : BAR} stroke={hatched ? HATCH : BAR} strokeWidth="2" />
    </svg>
  );
}

function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={HATCH} strokeWidth="4" />
      </pattern>
    </defs>
  );
}

// Activities per month, one row a month (reads on a phone): individual support as a solid bar,
// group workshops hatched after it.
export function TrendChart({ id, title, unit, months, labels, empty }: { id: string; title: string; unit: string; months: MonthBar[]; labels: TrendLabels; empty: string }) {
  const max = Math.max(1, ...months.map((m) => m.individual + m.collective));
  const hasData = months.some((m) => m.individual + m.collective > 0);
  const rowHeight = LINE + 4 + BAR_HEIGHT + GAP;
  return (
    <figure className="card chart mb-4" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`} className="text-xl font-bold">
        {title}
      </h3>
      <p id={`${id}-unite`} className="mb-2 text-sm text-slate-700">
        {unit}
      </p>
      {hasData ? (
        <>
          <ul className="mb-3 flex flex-wrap gap-x-6 gap-y-1" aria-label={labels.legend}>
            <li>
              <Swatch hatched={false} id={`${id}-legende-a`} />
              {labels.individual}
            </li>
            <li>
              <Swatch hatched id={`${id}-legende-b`} />
              {labels.collective}
            </li>
          </ul>
          <div role="img" aria-labelledby={`${id}-titre`} aria-describedby={`${id}-unite`}>
            {months.map((m, i) => {
              const barY = LINE + 4;
              const a = (m.individual / max) * 100;
              const b = (m.collective / max) * 100;
              const hatch = `${id}-hachures-${i}`;
              return (
                <svg key={m.label} aria-hidden="true" focusable="false" width="100%" height={rowHeight} className="block break-inside-avoid">
                  {b > 0 && <HatchPattern id={hatch} />}
                  <text x="0" y={LINE - 5} fontSize={FONT} fill={INK}>
                    {m.label}
                  </text>
                  <text x="100%" y={LINE - 5} fontSize={FONT} fontWeight="700" fill={INK} textAnchor="end">
                    {m.totalText}
                  </text>
                  <rect x="0" y={barY} width="100%" height={BAR_HEIGHT} fill={TRACK} />
                  {a > 0 && <rect x="0" y={barY} width={`${a}%`} height={BAR_HEIGHT} fill={BAR} />}
                  {b > 0 && <rect x={`${a}%`} y={barY + 1} width={`${b}%`} height={BAR_HEIGHT - 2} fill={`url(#${hatch})`} stroke={HATCH} strokeWidth="2" />}
                </svg>
              );
            })}
          </div>
          <details className="mt-3">
            <summary className="inline-flex min-h-12 cursor-pointer items-center font-semibold text-brand-800 underline">{labels.showTable}</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="py-1 pr-2">
                      {labels.month}
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right">
                      {labels.individualColumn}
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right">
                      {labels.collectiveColumn}
                    </th>
                    <th scope="col" className="py-1 text-right">
                      {labels.hours}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.label} className="border-b border-slate-200">
                      <th scope="row" className="py-1 pr-2 font-normal">
                        {m.label}
                      </th>
                      <td className="py-1 pr-2 text-right">{m.individual}</td>
                      <td className="py-1 pr-2 text-right">{m.collective}</td>
                      <td className="py-1 text-right">{m.hoursText}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <p>{empty}</p>
      )}
    </figure>
  );
}
