export interface ColourSetting {
  noColorFlag: boolean;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Colour only on a terminal, and never when NO_COLOR (https://no-color.org) or --no-color says so. */
export function shouldColour({ noColorFlag, isTTY, env }: ColourSetting): boolean {
  return !noColorFlag && isTTY && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
}

/** Green for up, red for down; chalk is loaded only when colour is really wanted. */
export async function loadStatePainter(): Promise<(text: string) => string> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return (text) => {
    if (text === 'up') return chalk.green(text);
    if (text === 'down') return chalk.red(text);
    return text;
  };
}
