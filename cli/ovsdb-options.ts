/** OVSDB flags of `serve`, `replay` and `ovsdb-bridge`: remotes checked, TLS files read. */
import { readFile } from 'node:fs/promises';
import type { FunctionSettings } from '../functions/runtime/contract.js';
import type { OvsdbConnectionOptions } from '../functions/runtime/ovsdb-connections.js';
import { parseRemotes, RemoteSyntaxError } from '../shared/ovsdb/remote.js';
import { UnusableInputError } from './input-error.js';
import { UsageError } from './usage.js';

/** The flags `serve` and `replay` take for the interconnect functions. */
export const functionOvsdbFlags = {
  'ic-sb': { type: 'string' },
  'ovn-nb': { type: 'string' },
  'ovsdb-private-key': { type: 'string' },
  'ovsdb-certificate': { type: 'string' },
  'ovsdb-ca-cert': { type: 'string' },
} as const;

interface TlsPaths {
  key: string | undefined;
  cert: string | undefined;
  ca: string | undefined;
}

/** Checks each remote flag's syntax (a usage error names the flag); true when one is ssl:. */
export function checkRemotes(
  command: string,
  remotes: Readonly<Record<string, string | undefined>>,
): boolean {
  let ssl = false;
  for (const [flag, value] of Object.entries(remotes)) {
    if (value === undefined) continue;
    try {
      ssl ||= parseRemotes(value).some((remote) => remote.kind === 'ssl');
    } catch (error) {
      if (error instanceof RemoteSyntaxError) throw new UsageError(`${flag}: ${error.message}`, command);
      throw error;
    }
  }
  return ssl;
}

async function readPem(flag: string, file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UnusableInputError([`${flag} ${file}: ${(error as Error).message}`]);
  }
}

/** TLS files given all three or none; read when given. `names` are the flags' names, for messages. */
export async function readTls(
  command: string,
  paths: TlsPaths,
  names: { key: string; cert: string; ca: string },
  needed: boolean,
): Promise<OvsdbConnectionOptions['tls']> {
  const given = [paths.key, paths.cert, paths.ca].filter((p) => p !== undefined).length;
  if (given > 0 && given < 3)
    throw new UsageError(`${names.key}, ${names.cert} and ${names.ca} go together`, command);
  if (given === 0) {
    if (needed)
      throw new UsageError(`ssl: remotes need ${names.key}, ${names.cert} and ${names.ca}`, command);
    return undefined;
  }
  return {
    key: await readPem(names.key, paths.key!),
    cert: await readPem(names.cert, paths.cert!),
    ca: await readPem(names.ca, paths.ca!),
  };
}

export interface FunctionOvsdbValues {
  'ic-sb'?: string;
  'ovn-nb'?: string;
  'ovsdb-private-key'?: string;
  'ovsdb-certificate'?: string;
  'ovsdb-ca-cert'?: string;
}

/** The functions' settings and OVSDB connection options from `serve`'s or `replay`'s flags. */
export async function functionOvsdbOptions(
  command: string,
  values: FunctionOvsdbValues,
): Promise<{ settings: FunctionSettings; connections: OvsdbConnectionOptions }> {
  const ssl = checkRemotes(command, { '--ic-sb': values['ic-sb'], '--ovn-nb': values['ovn-nb'] });
  const tls = await readTls(
    command,
    { key: values['ovsdb-private-key'], cert: values['ovsdb-certificate'], ca: values['ovsdb-ca-cert'] },
    { key: '--ovsdb-private-key', cert: '--ovsdb-certificate', ca: '--ovsdb-ca-cert' },
    ssl,
  );
  const settings: FunctionSettings = {};
  if (values['ic-sb'] !== undefined) settings.icSouthbound = values['ic-sb'];
  if (values['ovn-nb'] !== undefined) settings.northbound = values['ovn-nb'];
  return { settings, connections: tls ? { tls } : {} };
}
