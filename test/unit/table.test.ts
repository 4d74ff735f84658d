import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { displayWidth } from '../../src/output/display-width.js';
import { renderTable, renderTableChunks, type CellPainter } from '../../src/output/table.js';

// The renderer as it was before it was made fast: the oracle the fast one must match.
function referenceTable(headers: string[], rows: string[][], paint: CellPainter = (_c, text) => text): string {
  const widths = headers.map(displayWidth);
  const splitRows = rows.map((row) =>
    row.map((cell, column) => {
      const lines = cell.split('\n');
      for (const line of lines) widths[column] = Math.max(widths[column]!, displayWidth(line));
      return lines;
    }),
  );
  const rule = `+${widths.map((width) => '-'.repeat(width + 2)).join('+')}+`;
  const line = (cells: string[], painter: CellPainter): string =>
    `| ${cells.map((cell, column) => painter(column, cell) + ' '.repeat(widths[column]! - displayWidth(cell))).join(' | ')} |`;
  const out = [rule, line(headers, (_c, text) => text), rule];
  for (const cells of splitRows) {
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let index = 0; index < height; index++) out.push(line(cells.map((lines) => lines[index] ?? ''), paint));
  }
  out.push(rule);
  return `${out.join('\n')}\n`;
}

const cellText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('up', 'down', '-', '', 'multi\nline', 'a\n\nb', '日本語', 'e\u0301', '😀', 'ｆｕｌｌ'),
);

const table = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc.tuple(
    fc.array(fc.string({ maxLength: 8 }), { minLength: columns, maxLength: columns }),
    fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { maxLength: 30 }),
  ),
);

describe('renderTable', () => {
  test('draws what the reference renderer draws', () => {
    fc.assert(
      fc.property(table, ([headers, rows]) => {
        expect(renderTable(headers, rows)).toBe(referenceTable(headers, rows));
      }),
      { numRuns: 2_000 },
    );
  });

  test('paints cells, never padding, as the reference does', () => {
    const paint: CellPainter = (column, text) => (column === 0 ? `<${text}>` : text);
    fc.assert(
      fc.property(table, ([headers, rows]) => {
        expect(renderTable(headers, rows, paint)).toBe(referenceTable(headers, rows, paint));
      }),
      { numRuns: 500 },
    );
  });

  test('a long table comes in chunks that join to the whole', () => {
    const rows = Array.from({ length: 5_000 }, (_, index) => [`host-${index}`, index % 2 ? 'up' : 'down']);
    const chunks = [...renderTableChunks(['Host', 'State'], rows)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(referenceTable(['Host', 'State'], rows));
  });
});
