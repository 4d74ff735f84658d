import { displayWidth } from './display-width.js';

/** Colours one cell's text (never its padding); identity when colour is off. */
export type CellPainter = (column: number, text: string) => string;

const noPaint: CellPainter = (_column, text) => text;

function padding(text: string, width: number): string {
  return ' '.repeat(width - displayWidth(text));
}

/**
 * The table prettytable draws for cinderclient's print_list: `+---+` rules, `|` columns,
 * one space of padding, everything left-aligned, a multi-line cell spread over lines.
 * Rows are printed in the order given.
 */
export function renderTable(headers: string[], rows: string[][], paint: CellPainter = noPaint): string {
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
    `| ${cells.map((cell, column) => painter(column, cell) + padding(cell, widths[column]!)).join(' | ')} |`;

  const out = [rule, line(headers, noPaint), rule];
  for (const cells of splitRows) {
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let index = 0; index < height; index++) {
      out.push(line(cells.map((lines) => lines[index] ?? ''), paint));
    }
  }
  out.push(rule);
  return `${out.join('\n')}\n`;
}

/** Python's ordering of rows of strings (prettytable's sortby: first column, then the rest). */
export function compareRows(a: string[], b: string[]): number {
  for (let index = 0; index < a.length; index++) {
    const x = a[index]!;
    const y = b[index]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
