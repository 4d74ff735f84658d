import { UsageError } from './core/errors.js';
import { currentMicros, parseIsoTimestamp, type Micros } from './core/time.js';
import { openStore, resolveDbLocation } from './store/open-store.js';
import type { ServiceStore } from './store/store.js';
import { shouldColour } from './output/colour.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What a command may touch outside itself; tests pass their own. */
export interface Io {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}

/** The global options as commander parsed them. */
export interface GlobalOptions {
  db?: string;
  serviceDownTime: number;
  busyTimeout: number;
  /** Seconds. */
  connectTimeout: number;
  color: boolean;
}

export class Context {
  constructor(
    readonly io: Io,
    private readonly options: GlobalOptions,
  ) {}

  get downTimeSeconds(): number {
    return this.options.serviceDownTime;
  }

  get dbLocation(): string {
    return resolveDbLocation(this.options.db, this.io.env);
  }

  /** SVC_NOW (ISO-8601, UTC unless it says otherwise) replaces the clock everywhere. */
  now(): Micros {
    const fixed = this.io.env['SVC_NOW'];
    if (fixed === undefined || fixed === '') return currentMicros();
    const micros = parseIsoTimestamp(fixed);
    if (micros === null) throw new UsageError(`invalid SVC_NOW '${fixed}': expected an ISO-8601 time`);
    return micros;
  }

  openStore(): Promise<ServiceStore> {
    return openStore(this.dbLocation, {
      busyTimeoutMs: this.options.busyTimeout,
      connectTimeoutMs: Math.round(this.options.connectTimeout * 1000),
    });
  }

  /** Runs `work` with an open store and closes it whatever happens. */
  async withStore<T>(work: (store: ServiceStore) => Promise<T>): Promise<T> {
    const store = await this.openStore();
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  useColour(): boolean {
    return shouldColour({
      noColorFlag: !this.options.color,
      isTTY: this.io.stdout.isTTY === true,
      env: this.io.env,
    });
  }
}
