// Escapes what Python's json.dumps escapes with ensure_ascii beyond what JSON.stringify does.
const NON_ASCII = /[\u007f-\uffff]/g;

function quote(text: string): string {
  return JSON.stringify(text).replace(
    NON_ASCII,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * JSON exactly as Python's json.dumps writes it, and so as Cinder's API answers:
 * `", "` and `": "` separators, non-ASCII escaped. Keys with undefined values are left out.
 */
export function toPythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${quote(key)}: ${toPythonJson(item)}`);
  return `{${entries.join(', ')}}`;
}
