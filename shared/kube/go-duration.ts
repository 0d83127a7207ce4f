/** Go's time.ParseDuration, as metav1.Duration fields (holdTime, keepaliveTime) are parsed. */
const unitSeconds: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};
const whole = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Seconds, or undefined when `text` is not a Go duration ("90s", "1m30s", "0"). */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  if (!whole.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(part)) total += Number(match[1]) * (unitSeconds[match[2] ?? ''] ?? 0);
  return text.startsWith('-') ? -total : total;
}
