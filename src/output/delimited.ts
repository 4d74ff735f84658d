function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header row and RFC 4180 quoting (only where a field needs it). */
export function renderCsv(headers: string[], rows: string[][]): string {
  return [headers, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}

/** python-openstackclient's `-f value`: no header, one space between values, a row a line. */
export function renderValue(rows: string[][]): string {
  return rows.map((row) => `${row.join(' ')}\n`).join('');
}
