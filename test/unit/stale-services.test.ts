import { describe, expect, test } from '@jest/globals';
import type { ServiceRow } from '../../src/core/service-row.js';
import { selectStaleServices } from '../../src/core/stale-services.js';
import { parseIsoTimestamp } from '../../src/core/time.js';

const NOW = parseIsoTimestamp('2019-06-14T09:23:00Z')!;

function row(id: number, updatedAt: string | null, createdAt: string | null = '2019-06-01 00:00:00'): ServiceRow {
  return {
    id, createdAt, updatedAt, deletedAt: null, deleted: false, host: `h${id}`, binary: 'cinder-volume',
    topic: 'cinder-volume', reportCount: 1, disabled: false, availabilityZone: 'nova', disabledReason: null,
    modifiedAt: null, rpcCurrentVersion: null, objectCurrentVersion: null, replicationStatus: 'not-capable',
    frozen: false, activeBackendId: null, clusterName: null,
  };
}

describe('selectStaleServices (older than 1 hour)', () => {
  test.each<[string, ServiceRow, 'stale' | 'kept' | 'unreadable']>([
    ['an hour and a microsecond ago', row(1, '2019-06-14 08:22:59.999999'), 'stale'],
    ['exactly an hour ago', row(2, '2019-06-14 08:23:00.000000'), 'kept'],
    ['a minute ago', row(3, '2019-06-14 09:22:00'), 'kept'],
    ['a day in the future (clock skew)', row(4, '2019-06-15 09:23:00'), 'kept'],
    ['never beat, created long ago', row(5, null, '2019-06-01 00:00:00'), 'stale'],
    ['never beat, created just now', row(6, null, '2019-06-14 09:22:59'), 'kept'],
    ['an updated_at that is not a time', row(7, 'yesterday', '2019-06-01 00:00:00'), 'unreadable'],
    ['no timestamps at all', row(8, null, null), 'unreadable'],
  ])('%s', (_name, service, expected) => {
    const { stale, unreadable } = selectStaleServices([service], NOW, 3600);
    const outcome = stale.includes(service) ? 'stale' : unreadable.includes(service) ? 'unreadable' : 'kept';
    expect(outcome).toBe(expected);
  });

  test('keeps the id order of the rows it was given', () => {
    const rows = [row(3, '2019-01-01 00:00:00'), row(1, '2019-06-14 09:00:00'), row(2, '2019-02-01 00:00:00')];
    expect(selectStaleServices(rows, NOW, 3600).stale.map((r) => r.id)).toEqual([3, 2]);
  });
});
