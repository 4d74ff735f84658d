import { describe, expect, test } from '@jest/globals';
import { shouldColour } from '../../src/output/colour.js';
import { renderCsv, renderValue } from '../../src/output/delimited.js';
import { displayWidth } from '../../src/output/display-width.js';
import { toPythonJson } from '../../src/output/python-json.js';
import { chooseColumns } from '../../src/output/service-list-output.js';
import { compareRows, renderTable } from '../../src/output/table.js';

describe('renderTable (prettytable as cinderclient uses it)', () => {
  test('left-aligned cells, one space of padding, rules above, below the header and at the end', () => {
    expect(renderTable(['A', 'Long header'], [['x', 'y'], ['wider', '']])).toBe(
      ['+-------+-------------+', '| A     | Long header |', '+-------+-------------+',
        '| x     | y           |', '| wider |             |', '+-------+-------------+', ''].join('\n'),
    );
  });

  test('a multi-line cell spreads over lines', () => {
    expect(renderTable(['A', 'B'], [['one\ntwo', 'x']])).toBe(
      ['+-----+---+', '| A   | B |', '+-----+---+', '| one | x |', '| two |   |', '+-----+---+', ''].join('\n'),
    );
  });

  test('wide characters count twice, combining marks not at all', () => {
    expect(displayWidth('主机')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(renderTable(['Host'], [['主机']])).toContain('| 主机 |');
  });

  test('rows sort as Python sorts lists of strings', () => {
    const rows = [['b', '1'], ['a', '2'], ['a', '10'], ['B', '0']];
    expect(rows.sort(compareRows)).toEqual([['B', '0'], ['a', '10'], ['a', '2'], ['b', '1']]);
  });
});

describe('toPythonJson (json.dumps)', () => {
  test('separators and key order', () => {
    expect(toPythonJson({ a: 1, b: [true, null, 'x'], c: undefined })).toBe('{"a": 1, "b": [true, null, "x"]}');
  });

  test('escapes as ensure_ascii does', () => {
    expect(toPythonJson('héllo "q" \\ \n\t\u0001\u007f主🙂')).toBe(
      '"h\\u00e9llo \\"q\\" \\\\ \\n\\t\\u0001\\u007f\\u4e3b\\ud83d\\ude42"',
    );
  });
});

describe('csv and value', () => {
  test('RFC 4180 quoting only where needed', () => {
    expect(renderCsv(['A', 'B'], [['plain', 'a,b'], ['say "hi"', 'two\nlines']])).toBe(
      'A,B\nplain,"a,b"\n"say ""hi""","two\nlines"\n',
    );
  });

  test('value joins with one space', () => {
    expect(renderValue([['a', '-', 'b'], ['c', '', 'd']])).toBe('a - b\nc  d\n');
  });
});

describe('columns', () => {
  test('the default sets follow cinderclient', () => {
    expect(chooseColumns(false, []).map((c) => c.title)).toEqual([
      'Binary', 'Host', 'Zone', 'Status', 'State', 'Updated_at', 'Cluster', 'Disabled Reason',
    ]);
    expect(chooseColumns(true, []).map((c) => c.title)).toEqual([
      'Binary', 'Host', 'Zone', 'Status', 'State', 'Updated_at', 'Cluster',
      'Replication Status', 'Active Backend ID', 'Frozen', 'Disabled Reason',
    ]);
  });

  test('-c names by title or field, any case, kept in table order', () => {
    expect(chooseColumns(false, ['disabled_reason', 'HOST', 'active backend id']).map((c) => c.field)).toEqual([
      'host', 'active_backend_id', 'disabled_reason',
    ]);
  });
});

describe('shouldColour', () => {
  test.each([
    [{ noColorFlag: false, isTTY: true, env: {} }, true],
    [{ noColorFlag: true, isTTY: true, env: {} }, false],
    [{ noColorFlag: false, isTTY: false, env: {} }, false],
    [{ noColorFlag: false, isTTY: true, env: { NO_COLOR: '1' } }, false],
    [{ noColorFlag: false, isTTY: true, env: { TERM: 'dumb' } }, false],
  ])('%j', (setting, expected) => {
    expect(shouldColour(setting)).toBe(expected);
  });
});
