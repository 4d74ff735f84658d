/** Nagios splits a plugin's line at `|` (performance data follows) and reads only the first line. */
export function pluginText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[|\u0000-\u001f\u007f]/g, ' ');
}

/** The line of a check that could not run (bad arguments, unreadable database): no counts. */
export function renderUnknownLine(message: string): string {
  return `SVC UNKNOWN - ${pluginText(message).replace(/\s+/g, ' ').trim()}\n`;
}
