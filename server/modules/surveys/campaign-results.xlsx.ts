import ExcelJS from 'exceljs';
import type { Table } from '../../../domain/surveys/campaign-export.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The responses sheet and the "Summary" sheet as an XLSX workbook. Cells go in as plain strings and
 * numbers (never formulas), so an answer starting with "=" stays text.
 */
export async function toXlsx(responses: Table, summary: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, table] of [
    ['Responses', responses],
    ['Summary', summary],
  ] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.header);
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
