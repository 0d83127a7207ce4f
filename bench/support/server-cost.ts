/**
 * What the API server side spends, read while a benchmark runs: the CPU time of the kube-apiserver
 * and etcd processes on this machine (Linux /proc), and the requests the API server answered that
 * are not watches or lists (its `apiserver_request_total`). Differences of two readings give the
 * cost of a phase, so the cost of one raw Pod create can be set beside that of one allocated Pod.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface ServerReading {
  cpuSeconds: number;
  requests: number;
}

const SERVER_COMMANDS = new Set(['kube-apiserver', 'etcd']);
const TICKS_PER_SECOND = 100;

/** utime + stime of one process from /proc/PID/stat, in seconds; undefined when it is gone. */
function processCpuSeconds(pid: string): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = stat.lastIndexOf(')');
  const command = stat.slice(stat.indexOf('(') + 1, close);
  if (!SERVER_COMMANDS.has(command)) return undefined;
  // Fields after the command: state is field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(close + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function serverCpuSeconds(): number {
  if (os.platform() !== 'linux') return Number.NaN;
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    total += processCpuSeconds(pid) ?? 0;
  }
  return total;
}

/** Requests other than WATCH and LIST, summed over `apiserver_request_total`'s series. */
export function countRequests(metrics: string): number {
  let total = 0;
  for (const line of metrics.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const verb = /verb="([A-Z]+)"/.exec(line)?.[1];
    if (verb === undefined || verb === 'WATCH' || verb === 'LIST') continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

export async function readServer(metrics: () => Promise<unknown>): Promise<ServerReading> {
  const text = await metrics();
  return { cpuSeconds: serverCpuSeconds(), requests: countRequests(String(text)) };
}

export function costBetween(before: ServerReading, after: ServerReading, pods: number): ServerReading {
  return {
    cpuSeconds: (after.cpuSeconds - before.cpuSeconds) / pods,
    requests: (after.requests - before.requests) / pods,
  };
}
