// Escapes what Python's json.dumps escapes with ensure_ascii beyond what JSON.stringify does.
const NON_ASCII = /[\u007f-\uffff]/g;
// Printable ASCII but `"` and `\`: such text is quoted as it is, the common case by far.
const NEEDS_NO_ESCAPE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A string as Python's json.dumps (ensure_ascii) writes it. */
export function quotePythonJson(text: string): string {
  if (NEEDS_NO_ESCAPE.test(text)) return `"${text}"`;
  return JSON.stringify(text).replace(
    NON_ASCII,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Objects of one shape repeat their keys on every row: quote each key once.
const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quotePythonJson(key);
    quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * JSON exactly as Python's json.dumps writes it, and so as Cinder's API answers:
 * `", "` and `": "` separators, non-ASCII escaped. Keys with undefined values are left out.
 */
export function toPythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quotePythonJson(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(', ')}]`;
  let text = '';
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    text += `${text === '' ? '' : ', '}${quoteKey(key)}: ${toPythonJson(item)}`;
  }
  return `{${text}}`;
}
