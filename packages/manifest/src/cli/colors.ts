/** Minimal ANSI styling; identity functions when colors are off. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function colors(enabled: boolean): Colors {
  if (!enabled) {
    const plain = (text: string) => text;
    return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };
  }
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}
