import 'server-only';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null | undefined;

// THE CSV writer of Comptoir (exports, attendance rosters, the places of the national standard),
// on the maintained csv-stringify (sibling of the csv-parse the tests read it back with).

// A text cell that a spreadsheet would run as a formula ("=", "+", "-", "@", a tab or a carriage
// return first) is prefixed with an apostrophe. A signed number or phone ("+33 4 77 …", "-3,5")
// is not a formula and stays as it is, so that the standard's phone numbers remain valid.
export function guardFormula(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s.,()]*$/.test(text)) return `'${text}`;
  return text;
}

type CsvStyle = {
  // French spreadsheets: ";" between cells, decimal commas, CRLF, a byte-order mark so that
  // accents open correctly. The national standard: ",", every cell quoted, LF, no mark.
  style?: 'spreadsheet' | 'standard';
};

export function toCsv(rows: readonly (readonly Cell[])[], { style = 'spreadsheet' }: CsvStyle = {}): string {
  const spreadsheet = style === 'spreadsheet';
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
  return stringify(cells, {
    delimiter: spreadsheet ? ';' : ',',
    record_delimiter: spreadsheet ? 'windows' : 'unix',
    bom: spreadsheet,
    quoted: !spreadsheet,
    quoted_empty: !spreadsheet,
    cast: { number: (n) => (spreadsheet ? String(n).replace('.', ',') : String(n)) },
  });
}
