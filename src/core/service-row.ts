/** One row of the `services` table as the store reads it; timestamps stay the stored text. */
export interface ServiceRow {
  id: number;
  createdAt: string | null;
  updatedAt: string | null;
  deletedAt: string | null;
  deleted: boolean | null;
  host: string | null;
  binary: string | null;
  topic: string | null;
  reportCount: number;
  disabled: boolean | null;
  availabilityZone: string | null;
  disabledReason: string | null;
  modifiedAt: string | null;
  rpcCurrentVersion: string | null;
  objectCurrentVersion: string | null;
  replicationStatus: string | null;
  frozen: boolean | null;
  activeBackendId: string | null;
  clusterName: string | null;
}
