/**
 * npm run bench: every benchmark in turn (each its own process, so none warms or loads another),
 * then one table of the figures they stand for, their goals, and the machine's load average.
 * `npm run bench -- webhook overlap` runs only those.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIGURE_PREFIX, type Figure, meetsGoal } from './support/figures.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

function benchScripts(): string[] {
  const scripts = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  return Object.keys(scripts)
    .filter((name) => name.startsWith('bench:'))
    .map((name) => name.slice('bench:'.length));
}

interface Outcome {
  bench: string;
  figures: Figure[];
  code: number | null;
  seconds: number;
  loadBefore: number;
}

/** Runs `npm run bench:NAME`, passing its output through and collecting its figure lines. */
function runBench(bench: string): Promise<Outcome> {
  const loadBefore = os.loadavg()[0]!;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `bench:${bench}`], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const figures: Figure[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(FIGURE_PREFIX))
          figures.push(JSON.parse(line.slice(FIGURE_PREFIX.length)) as Figure);
        else console.log(`  ${line}`);
      }
    });
    child.on('close', (code) => {
      resolve({ bench, figures, code, seconds: (Date.now() - started) / 1000, loadBefore });
    });
  });
}

function formatValue(figure: Figure): string {
  const digits = Math.abs(figure.value) >= 100 ? 0 : Math.abs(figure.value) >= 10 ? 1 : 2;
  const value = figure.value.toLocaleString('en-US', { maximumFractionDigits: digits });
  return figure.unit === 'x' ? `${value}x` : `${value} ${figure.unit}`;
}

function table(outcomes: readonly Outcome[]): void {
  const rows = outcomes.flatMap((o) =>
    o.figures.map((f) => {
      const met = meetsGoal(f.value, f.goal);
      const verdict = met === undefined ? '' : met ? 'met' : 'NOT met';
      return [o.bench, f.name, formatValue(f), f.goal ?? '', verdict, o.loadBefore.toFixed(1)];
    }),
  );
  const header = ['bench', 'figure', 'value', 'goal', '', 'load'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(format(row));
  for (const o of outcomes.filter((x) => x.code !== 0)) console.log(`bench:${o.bench} exited ${o.code}`);
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nload average at the end: ${load.join(' ')} on ${os.availableParallelism()} CPUs ("load" above: the 1-minute load when each benchmark started). Ratios are measured within one run; absolute figures depend on the machine.`,
  );
}

async function main(): Promise<void> {
  const known = benchScripts();
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const outcomes: Outcome[] = [];
  for (const bench of asked.length > 0 ? asked : known) {
    console.log(`\n== bench:${bench}`);
    const outcome = await runBench(bench);
    console.log(`   (${outcome.seconds.toFixed(0)} s)`);
    outcomes.push(outcome);
  }
  table(outcomes);
  if (outcomes.some((o) => o.code !== 0)) process.exitCode = 1;
}

await main();
