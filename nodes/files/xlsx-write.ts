import type { Writable } from 'node:stream';
import { lazyLibrary } from '../../engine/sdk';
import { isIsoDate } from './typing';

const exceljs = lazyLibrary<typeof import('exceljs')>('exceljs');

export interface XlsxWriteOptions { sheetName: string; boldHeader: boolean; freezeHeader: boolean }

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * An ISO date string as the Date exceljs stores: Excel keeps wall-clock time with no zone, so the
 * written digits are kept (a zone or `Z`, when given, is dropped rather than shifting the time).
 */
export function excelDate(text: string): { date: Date; hasTime: boolean } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/.exec(text)!;
  const [y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m.slice(1);
  return { date: new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms.padEnd(3, '0'))), hasTime: m[4] !== undefined };
}

/** A streaming .xlsx writer: each row is committed to the zip as it comes, so memory stays flat; it ends `stream` when closed. */
export function xlsxWriter(stream: Writable, o: XlsxWriteOptions) {
  const book = new (exceljs().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(o.sheetName.slice(0, 31) || 'Sheet1', o.freezeHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
  let hasHeader = false;
  return {
    header(columns: string[]) {
      const row = sheet.addRow(columns);
      if (o.boldHeader) row.font = { bold: true };
      row.commit();
      hasHeader = true;
    },
    batch(rows: Record<string, unknown>[], columns: string[]) {
      if (!hasHeader) this.header(columns);
      for (const r of rows) {
        const dates: [number, boolean][] = [];
        const values = columns.map((c, i) => {
          const v = r[c];
          if (v === null || v === undefined) return null;
          if (typeof v === 'number' || typeof v === 'boolean') return v;
          if (typeof v === 'string') {
            if (isIsoDate(v)) { const { date, hasTime } = excelDate(v); dates.push([i + 1, hasTime]); return date; }
            return v;
          }
          return JSON.stringify(v);
        });
        const row = sheet.addRow(values);
        for (const [col, hasTime] of dates) row.getCell(col).numFmt = hasTime ? DATE_TIME_FORMAT : DATE_FORMAT;
        row.commit();
      }
    },
    async close(columns: string[]) {
      if (!hasHeader && columns.length) this.header(columns);
      sheet.commit();
      await book.commit();
    },
  };
}
