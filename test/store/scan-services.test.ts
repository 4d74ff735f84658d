import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { ServiceRow } from '../../src/core/service-row.js';
import type { ListedRow } from '../../src/core/service-view.js';
import type { ServiceFilter } from '../../src/store/store.js';
import { createFixtureDb, type RowValues } from '../helpers/fixture-db.js';
import { tempDir } from '../helpers/svc-process.js';

const ROWS: RowValues[] = Array.from({ length: 1_200 }, (_, index) => ({
  host: index % 3 === 0 ? `host-${index % 7}@lvm#p${index}` : `host-${index % 7}`,
  binary: index % 2 === 0 ? 'cinder-volume' : 'cinder-scheduler',
  updated_at: `2026-01-01 12:00:${String(index % 60).padStart(2, '0')}.000000`,
  deleted: index % 11 === 0 ? 1 : 0,
  disabled: index % 5 === 0 ? 1 : 0,
  disabled_reason: index % 5 === 0 ? `reason ${index}` : null,
  cluster_name: index % 4 === 0 ? 'c' : null,
}));

function openFixture(): ReturnType<typeof openSqliteStore> {
  const path = join(tempDir(), 'services.db');
  createFixtureDb(path, ROWS);
  return openSqliteStore(path, { busyTimeoutMs: 1000 });
}

describe('SqliteStore.scanServicesToShow', () => {
  test.each<ServiceFilter>([{}, { host: 'host-3' }, { binary: 'cinder-volume' }, { host: 'host-1', binary: 'cinder-scheduler' }])(
    'yields the shown fields of listServices(%j), in id order, across batches',
    async (filter) => {
      const store = openFixture();
      try {
        const listed = await store.listServices(filter);
        const scanned = [...(await store.scanServicesToShow!(filter))];
        expect(listed.length).toBeGreaterThan(0);
        expect(scanned).toEqual(listed.map(shownFields));
      } finally {
        await store.close();
      }
    },
  );

  test('a reader that stops early leaves the store usable and closable', async () => {
    const store = openFixture();
    const rows = await store.scanServicesToShow!({});
    for (const row of rows) {
      expect(row.binary).toBeDefined();
      break;
    }
    expect((await store.listServices({ binary: 'cinder-volume' })).length).toBeGreaterThan(0);
    await store.close();
  });
});

function shownFields(row: ServiceRow): ListedRow {
  const { createdAt, updatedAt, modifiedAt, host, binary, disabled, availabilityZone, disabledReason, replicationStatus, frozen, activeBackendId, clusterName, reportCount } = row;
  return { createdAt, updatedAt, modifiedAt, host, binary, disabled, availabilityZone, disabledReason, replicationStatus, frozen, activeBackendId, clusterName, reportCount };
}
