import { p } from '../../engine/sdk';

/** file.write's params. */
export const writeParams = p.object({
  format: p.select(['csv', 'xlsx', 'json', 'jsonl', 'xml'], { csv: 'CSV', xlsx: 'Excel (.xlsx)', json: 'JSON', jsonl: 'JSON Lines', xml: 'XML' }).default('csv').literal(),
  destination: p.variant('to', {
    path: {
      path: p.string().required().placeholder('exports/report.xlsx').describe('Where to write. Relative paths start at the workspace folder; absolute paths and ~/ are allowed; missing folders are made. System folders, devices and pipes are refused.'),
      ifExists: p.select(['overwrite', 'append', 'fail'], { overwrite: 'Replace it (rollback restores it)', append: 'Append (CSV and JSON Lines)', fail: 'Fail' }).default('overwrite').literal(),
    },
    binary: {
      fileName: p.string().default('export').describe('The file name the binary data carries (an attachment name); the extension is added when missing.'),
      binaryKey: p.string().default('data').literal().describe('The binary field of the output item.'),
    },
  }).required(),
  columns: p.list(p.string()).describe('The columns, in order. Empty: the fields of the first items, in the order they appear.'),
  delimiter: p.string().default(',').literal().showWhen({ format: ['csv'] }).describe('The character between fields: , ; | or \\t for tab.'),
  header: p.boolean().default(true).literal().showWhen({ format: ['csv'] }).describe('Write the column names as the first row (not when appending to a file that has rows).'),
  bom: p.boolean().default(false).literal().showWhen({ format: ['csv'] }).describe('Start with a UTF-8 byte order mark, so Excel opens accented letters right.'),
  sheetName: p.string().default('Sheet1').literal().showWhen({ format: ['xlsx'] }),
  boldHeader: p.boolean().default(true).literal().showWhen({ format: ['xlsx'] }),
  freezeHeader: p.boolean().default(true).literal().showWhen({ format: ['xlsx'] }).describe('Keep the header row in view while scrolling.'),
  pretty: p.boolean().default(false).literal().showWhen({ format: ['json', 'xml'] }).describe('Indent, one field a line; compact otherwise.'),
  rootName: p.string().default('rows').literal().showWhen({ format: ['xml'] }),
  itemName: p.string().default('row').literal().showWhen({ format: ['xml'] }),
});
