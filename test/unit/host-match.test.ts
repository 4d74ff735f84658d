import { describe, expect, test } from '@jest/globals';
import { hostPrefixes, matchesHost, prefixUpperBound } from '../../src/core/host-match.js';

describe("matchesHost (Cinder's _filter_host)", () => {
  test.each([
    ['node1', 'node1', true],
    ['node1@lvm', 'node1', true],
    ['node1#pool', 'node1', true],
    ['node1@lvm#pool', 'node1', true],
    ['node10', 'node1', false],
    ['node1.example.com', 'node1', false],
    ['node1@lvm', 'node1@lvm', true],
    ['node1@lvm#pool', 'node1@lvm', true],
    ['node1@lvm2', 'node1@lvm', false],
    ['node1@lvm@x', 'node1@lvm', false],
    ['node1@lvm#pool', 'node1@lvm#pool', true],
    ['node1@lvm#pool2', 'node1@lvm#pool', false],
    ['Node1', 'node1', false],
    ['node_1', 'node%1', false],
    ['nodeX1', 'node_1', false],
    [null, 'node1', false],
  ])('%j against --host %j: %s', (rowHost, filter, expected) => {
    expect(matchesHost(rowHost, filter)).toBe(expected);
  });

  test('prefixes and their range bounds', () => {
    expect(hostPrefixes('h')).toEqual(['h@', 'h#']);
    expect(hostPrefixes('h@b')).toEqual(['h@b#']);
    expect(hostPrefixes('h@b#p')).toEqual([]);
    expect(prefixUpperBound('h@')).toBe('hA');
    expect(prefixUpperBound('h#')).toBe('h$');
  });
});
