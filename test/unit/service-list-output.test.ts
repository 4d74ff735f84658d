import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { ServiceView } from '../../src/core/service-view.js';
import { serviceViewJson } from '../../src/output/service-list-output.js';
import { toPythonJson } from '../../src/output/python-json.js';

const text = fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), { nil: null });

// Views as toServiceView makes them: its key order, the replication fields only together.
const view: fc.Arbitrary<ServiceView> = fc
  .tuple(
    fc.record({
      binary: text,
      host: text,
      zone: text,
      status: fc.constantFrom('enabled' as const, 'disabled' as const),
      state: fc.constantFrom('up' as const, 'down' as const),
      updated_at: text,
      cluster: text,
      disabled_reason: text,
    }),
    fc.option(fc.record({ replication_status: text, active_backend_id: text, frozen: fc.option(fc.boolean(), { nil: null }) }), { nil: null }),
  )
  .map(([base, replication]) => (replication === null ? base : { ...base, ...replication }));

describe('serviceViewJson', () => {
  test('writes what toPythonJson writes for a view', () => {
    fc.assert(
      fc.property(view, (item) => {
        expect(serviceViewJson(item)).toBe(toPythonJson(item));
      }),
      { numRuns: 5_000 },
    );
  });
});
