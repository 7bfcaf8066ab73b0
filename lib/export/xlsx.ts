import 'server-only';
import writeXlsxFile from 'write-excel-file/node';
import type { Cell } from './csv';

export type Sheet = { name: string; rows: Cell[][] };

// Excel names: 31 characters at most, none of : \ / ? * [ ].
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

// An .xlsx workbook, one sheet per table; the first row of each is its (bold) header.
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const result = writeXlsxFile(
    sheets.map((sheet) => ({
      sheet: sheetName(sheet.name),
      data: sheet.rows.map((row, index) => row.map((value) => (value === undefined || value === null || value === '' ? null : index === 0 ? { value, fontWeight: 'bold' as const } : { value }))),
      columns: (sheet.rows[0] ?? []).map((header) => ({ width: Math.min(50, Math.max(12, String(header ?? '').length + 4)) })),
    })),
  );
  return Buffer.from(await result.toBuffer());
}
