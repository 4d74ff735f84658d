import { describe, expect, test } from '@jest/globals';
import type { ListedService } from '../../src/core/service-view.js';
import { parseIsoTimestamp } from '../../src/core/time.js';
import { escapeLabelValue, formatSeconds, renderPrometheus } from '../../src/output/prometheus.js';
import { parseExposition, sampleValue } from '../helpers/parse-exposition.js';

function service(values: Partial<ListedService['view']> & { reportCount?: number; lastHeartbeat?: number | null }): ListedService {
  const { reportCount = 1, lastHeartbeat = 1_560_504_143_500_000, ...view } = values;
  return {
    view: {
      binary: 'cinder-volume', host: 'h', zone: 'nova', status: 'enabled', state: 'up',
      updated_at: null, cluster: null, disabled_reason: null, ...view,
    },
    reportCount,
    lastHeartbeat,
  };
}

describe('formatSeconds', () => {
  test.each([
    [1_560_504_143_500_000, '1560504143.5'],
    [1_560_504_143_000_000, '1560504143'],
    [1_560_504_143_000_001, '1560504143.000001'],
    [1_560_504_143_123_456, '1560504143.123456'],
    [0, '0'],
    [-1_500_000, '-1.5'],
  ])('%d µs is %s s', (micros, text) => {
    expect(formatSeconds(micros)).toBe(text);
  });

  test('is exact where dividing a float would not be', () => {
    const micros = parseIsoTimestamp('2255-01-01T00:00:00.000001Z')!;
    expect(formatSeconds(micros)).toBe(`${(micros - 1) / 1_000_000}.000001`);
  });
});

describe('escapeLabelValue', () => {
  test.each([
    ['plain', 'plain'],
    ['a"b', 'a\\"b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['\\"\n', '\\\\\\"\\n'],
  ])('%p', (raw, escaped) => {
    expect(escapeLabelValue(raw)).toBe(escaped);
  });
});

describe('renderPrometheus', () => {
  test('reads back: HELP and TYPE for four families, one sample each per service', () => {
    const text = renderPrometheus([
      service({ host: 'up1', reportCount: 12 }),
      service({ host: 'down1', state: 'down', status: 'disabled', reportCount: 3, lastHeartbeat: 1_560_000_000_000_000 }),
    ]);
    const exposition = parseExposition(text);
    expect([...exposition.type]).toEqual([
      ['svc_service_up', 'gauge'],
      ['svc_service_disabled', 'gauge'],
      ['svc_service_last_heartbeat_timestamp_seconds', 'gauge'],
      ['svc_service_reports_total', 'counter'],
    ]);
    expect(exposition.samples).toHaveLength(8);
    const up1 = { binary: 'cinder-volume', host: 'up1', zone: 'nova' };
    const down1 = { host: 'down1' };
    expect(sampleValue(exposition, 'svc_service_up', up1)).toBe(1);
    expect(sampleValue(exposition, 'svc_service_up', down1)).toBe(0);
    expect(sampleValue(exposition, 'svc_service_disabled', up1)).toBe(0);
    expect(sampleValue(exposition, 'svc_service_disabled', down1)).toBe(1);
    expect(sampleValue(exposition, 'svc_service_last_heartbeat_timestamp_seconds', up1)).toBe(1560504143.5);
    expect(sampleValue(exposition, 'svc_service_reports_total', down1)).toBe(3);
  });

  test('label values that need escaping read back unchanged; NULL is an empty label', () => {
    const host = 'we"ird\\host\nname';
    const exposition = parseExposition(renderPrometheus([service({ host, zone: null })]));
    for (const sample of exposition.samples) expect(sample.labels).toEqual({ binary: 'cinder-volume', host, zone: '' });
  });

  test('a service without a readable heartbeat has no timestamp sample, and the rest are whole', () => {
    const exposition = parseExposition(renderPrometheus([service({ lastHeartbeat: null, state: 'down' })]));
    expect(exposition.samples.map((s) => s.name)).toEqual([
      'svc_service_up',
      'svc_service_disabled',
      'svc_service_reports_total',
    ]);
  });

  test('two rows with the same labels give one series: the one that reported last', () => {
    const text = renderPrometheus([
      service({ reportCount: 1, lastHeartbeat: 2_000_000 }),
      service({ reportCount: 2, lastHeartbeat: 9_000_000 }),
      service({ reportCount: 3, lastHeartbeat: 5_000_000 }),
    ]);
    const exposition = parseExposition(text);
    expect(exposition.samples.filter((s) => s.name === 'svc_service_reports_total').map((s) => s.value)).toEqual([2]);
  });

  test('no services: the families are still described, with no samples', () => {
    const exposition = parseExposition(renderPrometheus([]));
    expect(exposition.samples).toEqual([]);
    expect(exposition.help.size).toBe(4);
  });
});
