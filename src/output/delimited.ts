const NEEDS_QUOTES = /[",\r\n]/;

function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with RFC 4180 quoting (only where a field needs it). */
export function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/** One line of python-openstackclient's `-f value`: values separated by one space. */
export function valueLine(fields: string[]): string {
  return `${fields.join(' ')}\n`;
}

/** CSV with a header row and RFC 4180 quoting (only where a field needs it). */
export function renderCsv(headers: string[], rows: string[][]): string {
  return [headers, ...rows].map(csvLine).join('');
}

/** python-openstackclient's `-f value`: no header, one space between values, a row a line. */
export function renderValue(rows: string[][]): string {
  return rows.map(valueLine).join('');
}
