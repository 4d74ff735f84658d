import { describe, expect, test } from '@jest/globals';
import { evaluateCheck, exitCodeOf, type CheckState } from '../../src/core/check-status.js';
import type { ListedService } from '../../src/core/service-view.js';
import { parseIsoTimestamp } from '../../src/core/time.js';

const NOW = parseIsoTimestamp('2019-06-14T09:23:00Z')!;

function service(host: string, state: 'up' | 'down', options: { disabled?: boolean; ageSeconds?: number | null } = {}): ListedService {
  const age = options.ageSeconds === undefined ? (state === 'up' ? 5 : 3600) : options.ageSeconds;
  return {
    view: {
      binary: 'cinder-volume',
      host,
      zone: 'nova',
      status: options.disabled ? 'disabled' : 'enabled',
      state,
      updated_at: null,
      cluster: null,
      disabled_reason: null,
    },
    reportCount: 1,
    lastHeartbeat: age === null ? null : NOW - age * 1_000_000,
  };
}

describe('evaluateCheck', () => {
  test.each<[string, ListedService[], number | undefined, CheckState, [number, number, number]]>([
    ['nothing matched', [], undefined, 'UNKNOWN', [0, 0, 0]],
    ['all enabled up', [service('a', 'up'), service('b', 'up')], undefined, 'OK', [2, 0, 0]],
    ['an enabled service down', [service('a', 'up'), service('b', 'down')], undefined, 'CRITICAL', [1, 1, 0]],
    ['a disabled service down', [service('a', 'up'), service('b', 'down', { disabled: true })], undefined, 'OK', [1, 0, 1]],
    ['only disabled services', [service('a', 'down', { disabled: true })], undefined, 'OK', [0, 0, 1]],
    ['down beats late', [service('a', 'up', { ageSeconds: 50 }), service('b', 'down')], 30, 'CRITICAL', [1, 1, 0]],
    ['up but older than the warning age', [service('a', 'up', { ageSeconds: 50 })], 30, 'WARNING', [1, 0, 0]],
    ['exactly the warning age is not late', [service('a', 'up', { ageSeconds: 30 })], 30, 'OK', [1, 0, 0]],
    ['a clock ahead by more than the warning age', [service('a', 'up', { ageSeconds: -45 })], 30, 'WARNING', [1, 0, 0]],
    ['no warning age, no warning', [service('a', 'up', { ageSeconds: 59 })], undefined, 'OK', [1, 0, 0]],
    ['a late disabled service', [service('a', 'up', { ageSeconds: 50, disabled: true })], 30, 'OK', [0, 0, 1]],
    ['an unreadable heartbeat is down', [service('a', 'down', { ageSeconds: null })], 30, 'CRITICAL', [0, 1, 0]],
  ])('%s', (_name, services, warningAge, state, [up, down, disabled]) => {
    const status = evaluateCheck(services, NOW, warningAge);
    expect(status.state).toBe(state);
    expect(status.counts).toEqual({ up, down, disabled });
  });

  test('names the down and the late services separately', () => {
    const status = evaluateCheck(
      [service('a', 'up', { ageSeconds: 50 }), service('b', 'down'), service('c', 'up')],
      NOW,
      30,
    );
    expect(status.down.map((s) => s.view.host)).toEqual(['b']);
    expect(status.late.map((s) => s.view.host)).toEqual(['a']);
  });

  test.each<[CheckState, number]>([
    ['OK', 0],
    ['WARNING', 1],
    ['CRITICAL', 2],
    ['UNKNOWN', 3],
  ])('%s exits %d', (state, code) => {
    expect(exitCodeOf(state)).toBe(code);
  });
});
