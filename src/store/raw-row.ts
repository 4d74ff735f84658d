import type { ServiceRow } from '../core/service-row.js';

/** The 19 columns of one row in SERVICE_COLUMNS order, as a driver returns them. */
export type RawRow = [
  string | null, string | null, string | null, number | null, number, string | null,
  string | null, string | null, number, number | null, string | null, string | null,
  string | null, string | null, string | null, string | null, number | null, string | null,
  string | null,
];

export function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function flag(value: unknown): boolean | null {
  return value === null || value === undefined ? null : Boolean(Number(value));
}

export function toServiceRow(raw: RawRow): ServiceRow {
  return {
    createdAt: text(raw[0]),
    updatedAt: text(raw[1]),
    deletedAt: text(raw[2]),
    deleted: flag(raw[3]),
    id: Number(raw[4]),
    host: text(raw[5]),
    binary: text(raw[6]),
    topic: text(raw[7]),
    reportCount: Number(raw[8]),
    disabled: flag(raw[9]),
    availabilityZone: text(raw[10]),
    disabledReason: text(raw[11]),
    modifiedAt: text(raw[12]),
    rpcCurrentVersion: text(raw[13]),
    objectCurrentVersion: text(raw[14]),
    replicationStatus: text(raw[15]),
    frozen: flag(raw[16]),
    activeBackendId: text(raw[17]),
    clusterName: text(raw[18]),
  };
}
