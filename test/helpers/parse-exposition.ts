/** One sample of a Prometheus text exposition, read back. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  help: Map<string, string>;
  type: Map<string, string>;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;

function unescape(text: string): string {
  return text.replace(/\\([\\"n])/g, (_all, char: string) => (char === 'n' ? '\n' : char));
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`bad labels in: ${line}`);
    if (match[1]! in labels) throw new Error(`repeated label in: ${line}`);
    labels[match[1]!] = unescape(match[2]!);
  }
  return labels;
}

/**
 * A strict reader of the text format (0.0.4), enough to hold svc to it: every sample's
 * family has HELP and TYPE before its first sample, a family's samples are contiguous,
 * no series repeats, values are numbers, the text ends with a newline.
 */
export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const exposition: Exposition = { help: new Map(), type: new Map(), samples: [] };
  const finished = new Set<string>();
  const series = new Set<string>();
  let current: string | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment) {
      const [, kind, name, rest] = comment as unknown as [string, 'HELP' | 'TYPE', string, string];
      if (finished.has(name) || name === current) throw new Error(`${kind} after samples of ${name}`);
      const map = kind === 'HELP' ? exposition.help : exposition.type;
      if (map.has(name)) throw new Error(`second ${kind} for ${name}`);
      map.set(name, kind === 'HELP' ? rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\') : rest);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample: ${JSON.stringify(line)}`);
    const [, name, labelText, valueText] = match as unknown as [string, string, string | undefined, string];
    if (!exposition.help.has(name) || !exposition.type.has(name)) throw new Error(`no HELP/TYPE before ${name}`);
    if (name !== current) {
      if (current !== undefined) finished.add(current);
      if (finished.has(name)) throw new Error(`samples of ${name} are not together`);
      current = name;
    }
    const key = `${name}{${labelText ?? ''}}`;
    if (series.has(key)) throw new Error(`repeated series ${key}`);
    series.add(key);
    const value = Number(valueText);
    if (Number.isNaN(value) && valueText !== 'NaN') throw new Error(`bad value in: ${line}`);
    exposition.samples.push({ name, labels: labelText ? parseLabels(labelText, line) : {}, value });
  }
  return exposition;
}

/** The value of `name` for the series whose labels include `labels`. */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string>): number | undefined {
  return exposition.samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}
