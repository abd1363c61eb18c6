import { p } from '../../engine/sdk';

const csvOnly = { format: ['auto', 'csv'] };

/** file.read's params; the editor's preview reads files with the same ones. */
export const readParams = p.object({
  source: p.variant('from', {
    path: { path: p.string().required().placeholder('exports/customers.csv').describe('The file to read. Relative paths start at the workspace folder; absolute paths and ~/ are allowed. System folders (/proc, /sys, /dev), devices and pipes are refused.') },
    binary: { binaryKey: p.string().default('data').describe("The binary field of each input item that holds the file (an email attachment, a download).") },
  }).required(),
  format: p.select(['auto', 'csv', 'xlsx', 'json', 'jsonl', 'xml'], { auto: 'Detect (by name and content)', csv: 'CSV', xlsx: 'Excel (.xlsx)', json: 'JSON', jsonl: 'JSON Lines', xml: 'XML' })
    .default('auto').literal().describe('A file whose content is not what its name or this choice says fails with a message saying what it looks like.'),
  delimiter: p.string().default('auto').literal().showWhen(csvOnly).describe('auto, or the character between fields: , ; | or \\t for tab.'),
  quote: p.string().default('auto').literal().showWhen(csvOnly).describe("auto, or the character around fields that hold the delimiter: \" or '."),
  header: p.select(['auto', 'yes', 'no'], { auto: 'Detect', yes: 'First row names the columns', no: 'No header (column1, column2, …)' }).default('auto').literal().showWhen(csvOnly),
  encoding: p.string().default('auto').literal().showWhen(csvOnly).describe('auto (byte order mark, UTF-8, else a guess such as windows-1252), or a name: utf-8, windows-1252, utf-16le, iso-8859-15, …'),
  typed: p.boolean().default(true).literal().showWhen({ format: ['auto', 'csv', 'xml'] }).describe('Turn text that is plainly a number or true/false into one. Codes with leading zeros and digit runs past 15 stay text; ISO dates stay ISO text, which the writers turn back into dates.'),
  sheet: p.string().default('').literal().showWhen({ format: ['auto', 'xlsx'] }).describe("The worksheet's name, or its position (1 = the first). Empty: the first sheet."),
  headerRow: p.number().int().min(0).default(1).literal().showWhen({ format: ['auto', 'xlsx'] }).describe('The row that names the columns; rows above it are skipped. 0: no header row.'),
  jsonPath: p.string().default('').literal().showWhen({ format: ['auto', 'json'] }).describe('Where the list sits in an object, with dots (data.items). Empty: the file is the list.'),
  xmlPath: p.string().default('').literal().showWhen({ format: ['auto', 'xml'] }).describe('The repeating element, with dots from the root (catalog.book). Empty: the first element that repeats.'),
});
