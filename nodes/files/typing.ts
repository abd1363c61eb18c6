/**
 * Column typing for text cells (CSV): numbers, booleans and ISO dates. A date stays an ISO 8601
 * string (items are JSON, and JSON has no date), but its column is typed `date`, and the
 * writers turn such strings back into real dates (Excel cells with a date format).
 */

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A cell's text as a number or boolean when it plainly is one; ids with leading zeros and long digit runs stay text. */
export function typeValue(text: string): unknown {
  const n = text.length;
  if (n === 0 || n > 24) return text;
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45) {
    if (NUMBER.test(text)) {
      if (n <= 15) return Number(text);
      const digits = text.replace(/[-.]|[eE].*$/g, '').replace(/^0+/, '');
      return digits.length > 15 ? text : Number(text); // beyond 15 digits a double changes the value
    }
    return text;
  }
  if (n === 4 && (c === 116 || c === 84) && text.toLowerCase() === 'true') return true;
  if (n === 5 && (c === 102 || c === 70) && text.toLowerCase() === 'false') return false;
  return text;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 10 && value.length <= 35 && DATE.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
}
