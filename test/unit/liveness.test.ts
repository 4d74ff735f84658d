import { describe, expect, test } from '@jest/globals';
import { computeLiveness } from '../../src/core/liveness.js';
import { parseDbTimestamp } from '../../src/core/time.js';

const NOW = parseDbTimestamp('2019-06-14 09:23:00.000000')!;

function row(updatedAt: string | null, createdAt: string | null = '2019-06-14 09:00:00', modifiedAt: string | null = null) {
  return { updatedAt, createdAt, modifiedAt };
}

describe('computeLiveness at 09:23:00 with service_down_time 60', () => {
  test.each([
    ['37 s old', row('2019-06-14 09:22:23'), 'up', '2019-06-14T09:22:23.000000'],
    ['exactly 60 s old (inclusive)', row('2019-06-14 09:22:00'), 'up', '2019-06-14T09:22:00.000000'],
    ['60.000001 s old', row('2019-06-14 09:21:59.999999'), 'down', '2019-06-14T09:21:59.999999'],
    ['exactly 60 s in the future', row('2019-06-14 09:24:00'), 'up', '2019-06-14T09:24:00.000000'],
    ['60.000001 s in the future', row('2019-06-14 09:24:00.000001'), 'down', '2019-06-14T09:24:00.000001'],
    ['no heartbeat, created 30 s ago', row(null, '2019-06-14 09:22:30'), 'up', null],
    ['no heartbeat, created an hour ago', row(null, '2019-06-14 08:23:00'), 'down', null],
    ['a newer modified_at is shown', row('2019-06-14 09:22:40', null, '2019-06-14 09:22:50'), 'up', '2019-06-14T09:22:50.000000'],
    ['an older modified_at is not', row('2019-06-14 09:22:50', null, '2019-06-13 10:00:00'), 'up', '2019-06-14T09:22:50.000000'],
    ['an equal distance shows modified_at', row('2019-06-14 09:22:50', null, '2019-06-14 09:23:10'), 'up', '2019-06-14T09:23:10.000000'],
    ['modified_at never makes a dead service up', row('2019-06-13 09:00:00', null, '2019-06-14 09:22:59'), 'down', '2019-06-14T09:22:59.000000'],
    ['modified_at on a never-beaten service', row(null, '2019-06-14 09:22:00', '2019-06-14 09:22:30'), 'up', '2019-06-14T09:22:30.000000'],
    ['both timestamps NULL', row(null, null), 'down', null],
    ['an unparseable updated_at', row('last tuesday'), 'down', 'last tuesday'],
    ['an unparseable modified_at is ignored', row('2019-06-14 09:22:59', null, 'soon'), 'up', '2019-06-14T09:22:59.000000'],
  ])('%s', (_name, timestamps, state, shownAt) => {
    expect(computeLiveness(timestamps, NOW, 60)).toEqual({ state, shownAt });
  });

  test('service_down_time 0 is up only at the very instant', () => {
    expect(computeLiveness(row('2019-06-14 09:23:00'), NOW, 0).state).toBe('up');
    expect(computeLiveness(row('2019-06-14 09:22:59.999999'), NOW, 0).state).toBe('down');
  });
});
