import type { ListedService } from '../core/service-view.js';
import { MICROS_PER_SECOND, type Micros } from '../core/time.js';

interface MetricFamily {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  /** The sample value, or null when the service has none (then no sample is written). */
  value: (service: ListedService) => string | null;
}

const FAMILIES: MetricFamily[] = [
  {
    name: 'svc_service_up',
    help: 'Whether the service is up (1) or down (0): its last heartbeat is within service_down_time of now.',
    type: 'gauge',
    value: ({ view }) => (view.state === 'up' ? '1' : '0'),
  },
  {
    name: 'svc_service_disabled',
    help: 'Whether an administrator disabled the service (1) or not (0).',
    type: 'gauge',
    value: ({ view }) => (view.status === 'disabled' ? '1' : '0'),
  },
  {
    name: 'svc_service_last_heartbeat_timestamp_seconds',
    help: 'When the service last reported (updated_at, else created_at), in seconds since the Unix epoch.',
    type: 'gauge',
    value: ({ lastHeartbeat }) => (lastHeartbeat === null ? null : formatSeconds(lastHeartbeat)),
  },
  {
    name: 'svc_service_reports_total',
    help: 'Heartbeats the service has sent (report_count).',
    type: 'counter',
    value: ({ reportCount }) => String(reportCount),
  },
];

/** Seconds with every microsecond kept and no float rounding: 1560504143500000 -> `1560504143.5`. */
export function formatSeconds(micros: Micros): string {
  const sign = micros < 0 ? '-' : '';
  const magnitude = Math.abs(micros);
  const whole = Math.floor(magnitude / MICROS_PER_SECOND);
  const fraction = String(magnitude % MICROS_PER_SECOND).padStart(6, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** A label value as the text format requires: backslash, double quote and newline escaped. */
export function escapeLabelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelsOf({ view }: ListedService): string {
  const pairs: [string, string | null][] = [
    ['binary', view.binary],
    ['host', view.host],
    ['zone', view.zone],
  ];
  return `{${pairs.map(([name, value]) => `${name}="${escapeLabelValue(value ?? '')}"`).join(',')}}`;
}

function isFresher(candidate: ListedService, current: ListedService): boolean {
  return (candidate.lastHeartbeat ?? -Infinity) >= (current.lastHeartbeat ?? -Infinity);
}

/**
 * One service per label set: two live rows with the same binary, host and zone (which svc
 * never creates, but a hand-edited table may hold) would make the whole scrape fail, so the
 * one that reported last stands for them.
 */
function oneSeriesEach(services: ListedService[]): [string, ListedService][] {
  const byLabels = new Map<string, ListedService>();
  for (const service of services) {
    const labels = labelsOf(service);
    const current = byLabels.get(labels);
    if (current === undefined || isFresher(service, current)) byLabels.set(labels, service);
  }
  return [...byLabels];
}

/** The Prometheus text exposition format (0.0.4): HELP and TYPE, then one sample per service. */
export function renderPrometheus(services: ListedService[]): string {
  const series = oneSeriesEach(services);
  const lines: string[] = [];
  for (const family of FAMILIES) {
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`);
    for (const [labels, service] of series) {
      const value = family.value(service);
      if (value !== null) lines.push(`${family.name}${labels} ${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
