import { bridgeHelp } from './bridge.js';
import { UnusableInputError } from './input-error.js';
import { interconnectHelp } from './interconnect.js';
import type { CliIO } from './io.js';
import { processIO } from './io.js';
import { keepalivedHelp } from './keepalived.js';
import { migrateHelp } from './migrate.js';
import { ovsdbBridgeHelp } from './ovsdb-bridge.js';
import { replayHelp } from './replay.js';
import { rulesHelp } from './rules.js';
import { mainHelp, serveHelp, UsageError, validateHelp } from './usage.js';

type Command = (args: readonly string[], io: CliIO) => Promise<number>;

// Loaded on use: help and usage errors answer without loading the rules or the server.
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).serveCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  replay: async () => (await import('./replay.js')).replayCommand,
  bridge: async () => (await import('./bridge.js')).bridgeCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  keepalived: async () => (await import('./keepalived.js')).keepalivedCommand,
  interconnect: async () => (await import('./interconnect.js')).interconnectCommand,
  migrate: async () => (await import('./migrate.js')).migrateCommand,
  'ovsdb-bridge': async () => (await import('./ovsdb-bridge.js')).ovsdbBridgeCommand,
};
const helps: Record<string, string> = {
  serve: serveHelp,
  validate: validateHelp,
  replay: replayHelp,
  bridge: bridgeHelp,
  rules: rulesHelp,
  keepalived: keepalivedHelp,
  interconnect: interconnectHelp,
  migrate: migrateHelp,
  'ovsdb-bridge': ovsdbBridgeHelp,
};

/** Runs the CLI and resolves with its exit status; never throws for bad input. */
export async function run(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !helps[topic]) {
      io.stderr(`acpnet: no help for unknown command ${JSON.stringify(topic)}\n${mainHelp}`);
      return 2;
    }
    // Bare `acpnet` is a usage error: help goes to stderr with status 2.
    (name === undefined ? io.stderr : io.stdout)(topic ? (helps[topic] ?? mainHelp) : mainHelp);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`acpnet: unknown command ${JSON.stringify(name)}\n\n${mainHelp}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `acpnet ${error.command ?? name}: ${error.message}\nRun 'acpnet ${name} --help' for usage.\n`,
      );
      return 2;
    }
    if (error instanceof UnusableInputError) {
      io.stderr(`${error.problems.map((p) => `acpnet ${name}: ${p}`).join('\n')}\n`);
      return 2;
    }
    // Exit 1 means "denied" (validate) or "an event failed" (replay): a fault of acpnet itself is 3.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`acpnet ${name}: internal error: ${detail}\n`);
    return 3;
  }
}
