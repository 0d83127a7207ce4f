/**
 * The figures a benchmark stands for, for `npm run bench`'s table. Each is printed as one line
 * `figure: {json}` beside the benchmark's own report; bench/all.ts collects them.
 */
export interface Figure {
  /** What is measured, e.g. "webhook throughput acpnet/null". */
  name: string;
  value: number;
  /** `x` for ratios, or a unit such as `events/s`, `ms`, `MiB`. */
  unit: string;
  /** The goal, e.g. "≥ 0.8"; empty when the figure is reported without one. */
  goal?: string;
}

export const FIGURE_PREFIX = 'figure: ';

export function reportFigure(figure: Figure): void {
  console.log(`${FIGURE_PREFIX}${JSON.stringify(figure)}`);
}

/** Whether `value` meets a goal written as `≥ N` or `≤ N` (or `< N`, `> N`). */
export function meetsGoal(value: number, goal: string | undefined): boolean | undefined {
  const match = /^\s*(≥|≤|<|>)\s*([\d.]+)/.exec(goal ?? '');
  if (!match) return undefined;
  const bound = Number(match[2]);
  switch (match[1]) {
    case '≥':
      return value >= bound;
    case '≤':
      return value <= bound;
    case '<':
      return value < bound;
    default:
      return value > bound;
  }
}
