import type { ALB2 } from '../kube/schemas/alb.js';

/** One entry of `.spec.config.portProjects`: a port range and the projects that may use it. */
export interface PortProject {
  /** The entry as written, e.g. `30000-30100`. */
  port: string;
  from: number;
  to: number;
  projects: string[];
  index: number;
}

export interface PortProjectsParse {
  entries: PortProject[];
  /** `{ index, message }` per malformed entry; index -1 for the text as a whole. */
  problems: { index: number; message: string }[];
}

const FORMAT = 'a JSON list of {"port": "<port>" or "<from>-<to>", "projects": ["<project>", ...]}';

function portNumber(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

function projectNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const names = value.filter((p): p is string => typeof p === 'string' && p !== '');
  return names.length === value.length ? names : undefined;
}

function parseEntry(raw: unknown, index: number): PortProject | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return `entry ${index} is not an object`;
  const extra = Object.keys(raw).filter((k) => k !== 'port' && k !== 'projects');
  if (extra.length > 0) return `entry ${index} has unknown field(s) ${extra.join(', ')}`;
  const port = 'port' in raw ? raw.port : undefined;
  if (typeof port !== 'string') return `entry ${index} needs "port" as a string such as "30000-30100"`;
  const [first = '', second, more] = port.split('-');
  const from = portNumber(first.trim());
  const to = second === undefined ? from : portNumber(second.trim());
  if (more !== undefined || from === undefined || to === undefined) {
    return `entry ${index} port "${port}" is not a port or range within 1-65535`;
  }
  if (from > to) return `entry ${index} port range "${port}" ends before it starts`;
  const projects = projectNames('projects' in raw ? raw.projects : undefined);
  if (!projects) return `entry ${index} needs "projects" as a non-empty list of project names`;
  return { port, from, to, projects, index };
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Parses the port-project assignment, then refuses ranges that overlap between entries. */
export function parsePortProjects(text: string): PortProjectsParse {
  const parsed = parseJson(text);
  if ('error' in parsed) {
    return {
      entries: [],
      problems: [{ index: -1, message: `is not JSON (${parsed.error}); expected ${FORMAT}` }],
    };
  }
  const raw = parsed.value;
  if (!Array.isArray(raw)) return { entries: [], problems: [{ index: -1, message: `expected ${FORMAT}` }] };
  const entries: PortProject[] = [];
  const problems: PortProjectsParse['problems'] = [];
  for (const [index, item] of raw.entries()) {
    const entry = parseEntry(item, index);
    if (typeof entry === 'string') problems.push({ index, message: entry });
    else entries.push(entry);
  }
  const sorted = [...entries].sort((a, b) => a.from - b.from || a.to - b.to);
  let widest: PortProject | undefined;
  for (const entry of sorted) {
    if (widest && entry.from <= widest.to) {
      problems.push({
        index: entry.index,
        message: `entry ${entry.index} port range "${entry.port}" (projects ${entry.projects.join(', ')}) overlaps entry ${widest.index} "${widest.port}" (projects ${widest.projects.join(', ')})`,
      });
    }
    if (!widest || entry.to > widest.to) widest = entry;
  }
  return { entries, problems };
}

export function projectRangeOf(entries: readonly PortProject[], port: number): PortProject | undefined {
  return entries.find((e) => e.from <= port && port <= e.to);
}

/** The port ranges of an ALB in port-project mode; undefined when the mode is off. */
export function portProjectsOf(alb: ALB2): PortProject[] | undefined {
  const config = alb.spec.config;
  if (config?.enablePortProject !== true || config.portProjects === undefined) return undefined;
  return parsePortProjects(config.portProjects).entries;
}
