import { displayWidth } from './display-width.js';
import { joinInChunks } from './join-in-chunks.js';

/** Colours one cell's text (never its padding); identity when colour is off. */
export type CellPainter = (column: number, text: string) => string;

const noPaint: CellPainter = (_column, text) => text;

/**
 * The table prettytable draws for cinderclient's print_list: `+---+` rules, `|` columns,
 * one space of padding, everything left-aligned, a multi-line cell spread over lines.
 * Rows are printed in the order given, in pieces of about 64 KiB.
 */
export function* renderTableChunks(headers: string[], rows: string[][], paint: CellPainter = noPaint): Generator<string> {
  const columns = headers.length;
  const widths = headers.map(displayWidth);
  // Each cell's width is measured once; a row with a line break is drawn the slow way.
  const cellWidths = new Uint32Array(rows.length * columns);
  const multiline = new Uint8Array(rows.length);
  rows.forEach((row, rowIndex) => {
    for (let column = 0; column < columns; column++) {
      const cell = row[column]!;
      if (cell.includes('\n')) {
        multiline[rowIndex] = 1;
        for (const line of cell.split('\n')) widths[column] = Math.max(widths[column]!, displayWidth(line));
      } else {
        const width = displayWidth(cell);
        cellWidths[rowIndex * columns + column] = width;
        if (width > widths[column]!) widths[column] = width;
      }
    }
  });
  const spaces = ' '.repeat(Math.max(0, ...widths));
  const padded = (column: number, text: string, width: number, painter: CellPainter): string =>
    (painter === noPaint ? text : painter(column, text)) + spaces.slice(0, widths[column]! - width);
  const line = (cells: string[], painter: CellPainter): string =>
    `| ${cells.map((cell, column) => padded(column, cell, displayWidth(cell), painter)).join(' | ')} |\n`;
  const rule = `+${widths.map((width) => '-'.repeat(width + 2)).join('+')}+\n`;

  const renderRow = (rowIndex: number): string => {
    const cells = rows[rowIndex]!;
    if (multiline[rowIndex]) {
      const split = cells.map((cell) => cell.split('\n'));
      const height = Math.max(...split.map((lines) => lines.length));
      let text = '';
      for (let index = 0; index < height; index++) text += line(split.map((lines) => lines[index] ?? ''), paint);
      return text;
    }
    let text = '|';
    for (let column = 0; column < columns; column++) {
      text += ` ${padded(column, cells[column]!, cellWidths[rowIndex * columns + column]!, paint)} |`;
    }
    return `${text}\n`;
  };

  yield rule + line(headers, noPaint) + rule;
  yield* joinInChunks(rows.keys(), renderRow);
  yield rule;
}

/** The whole table as one string (for small tables such as disable's one row). */
export function renderTable(headers: string[], rows: string[][], paint: CellPainter = noPaint): string {
  return [...renderTableChunks(headers, rows, paint)].join('');
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
