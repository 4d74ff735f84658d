import type { Context } from '../context.js';

/** Turns a command body into a commander action with the context built from the global options. */
export type CommandRunner = <O>(
  body: (ctx: Context, options: O, ...args: string[]) => Promise<number | void>,
) => (...actionArgs: unknown[]) => Promise<void>;

/** Option parser for repeatable options such as -c. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
