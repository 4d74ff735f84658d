import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { quotePythonJson, toPythonJson } from '../../src/output/python-json.js';

// Every string through JSON.stringify, then non-ASCII escaped: what svc did before the fast path.
function referenceQuote(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

describe('Python-style JSON', () => {
  test('quotes any string as the reference does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expect(quotePythonJson(text)).toBe(referenceQuote(text));
      }),
      { numRuns: 5_000 },
    );
  });

  test.each([
    [{ a: 'x', b: null, c: true, d: undefined, e: [1, 'é'] }, '{"a": "x", "b": null, "c": true, "e": [1, "\\u00e9"]}'],
    [{ services: [] }, '{"services": []}'],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
  ])('toPythonJson(%j)', (value, json) => {
    expect(toPythonJson(value)).toBe(json);
  });
});
