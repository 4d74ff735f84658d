/** How much text a renderer gathers before handing it on: few, large writes. */
const CHUNK_SIZE = 64 * 1024;

/** `render` of every item, joined by `separator`, handed on in pieces of about 64 KiB. */
export function* joinInChunks<T>(items: Iterable<T>, render: (item: T) => string, separator = ''): Generator<string> {
  let chunk = '';
  let first = true;
  for (const item of items) {
    chunk += first ? render(item) : separator + render(item);
    first = false;
    if (chunk.length >= CHUNK_SIZE) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
