import { UsageError } from './core/errors.js';
import { currentMicros, parseIsoTimestamp, type Micros } from './core/time.js';
import { MAX_WAIT_MS, parseSeconds, parseWholeNumber } from './core/validate.js';
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

/** The global options as commander parsed them; unset ones fall back to the environment. */
export interface GlobalOptions {
  db?: string;
  serviceDownTime?: number;
  busyTimeout?: number;
  /** Seconds. */
  connectTimeout?: number;
  color: boolean;
}

/** A whole number from the environment, validated like its option, or the default. */
function fromEnv(env: NodeJS.ProcessEnv, name: string, label: string, fallback: number, max?: number): number {
  const text = env[name];
  return text === undefined || text === '' ? fallback : parseWholeNumber(label, text, 0, max);
}

export class Context {
  readonly downTimeSeconds: number;
  readonly busyTimeoutMs: number;
  readonly connectTimeoutSeconds: number;
  readonly dbLocation: string;

  constructor(
    readonly io: Io,
    private readonly options: GlobalOptions,
  ) {
    this.downTimeSeconds =
      options.serviceDownTime ?? fromEnv(io.env, 'SVC_SERVICE_DOWN_TIME', 'service_down_time', 60);
    this.busyTimeoutMs = options.busyTimeout ?? fromEnv(io.env, 'SVC_BUSY_TIMEOUT', 'busy timeout', 5000, MAX_WAIT_MS);
    const connectTimeout = io.env['SVC_CONNECT_TIMEOUT'];
    this.connectTimeoutSeconds =
      options.connectTimeout ?? (connectTimeout ? parseSeconds('connect timeout', connectTimeout) : 10);
    this.dbLocation = resolveDbLocation(options.db || io.env['SVC_DB'], io.env);
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
      busyTimeoutMs: this.busyTimeoutMs,
      connectTimeoutMs: Math.round(this.connectTimeoutSeconds * 1000),
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
