/** The one line svc writes to stderr for a problem. */
export function errorLine(message: string, level: 'error' | 'warning' = 'error'): string {
  return `svc: ${level}: ${message.replace(/\s*\n\s*/g, ' ').trim()}\n`;
}
