import 'server-only';

export type Cell = string | number | null | undefined;

// A cell that a spreadsheet would run as a formula ("=", "+", "-", "@") is prefixed with an
// apostrophe; numbers stay numbers.
function escape(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// CSV as French spreadsheets open it: UTF-8 with a byte-order mark, ";" between cells, decimal
// commas, CRLF line ends.
export function toCsv(rows: Cell[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(escape).join(';')).join('\r\n') + '\r\n';
}
