import type { CliIO } from './io.js';
import { processIO } from './io.js';
import { replayCommand, replayHelp } from './replay.js';
import { serveCommand } from './serve.js';
import { StoreInputError } from './store.js';
import { mainHelp, serveHelp, UsageError, validateHelp } from './usage.js';
import { validateCommand } from './validate.js';

type Command = (args: readonly string[], io: CliIO) => Promise<number>;

const commands: Record<string, Command> = {
  serve: serveCommand,
  validate: validateCommand,
  replay: replayCommand,
};
const helps: Record<string, string> = { serve: serveHelp, validate: validateHelp, replay: replayHelp };

/** Runs the CLI and resolves with its exit status; never throws for bad input. */
export async function run(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !helps[topic]) {
      io.stderr(`acpnet: no help for unknown command ${JSON.stringify(topic)}\n${mainHelp}`);
      return 2;
    }
    (name === undefined ? io.stderr : io.stdout)(topic ? (helps[topic] ?? mainHelp) : mainHelp);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`acpnet: unknown command ${JSON.stringify(name)}\n\n${mainHelp}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `acpnet ${error.command ?? name}: ${error.message}\nRun 'acpnet ${name} --help' for usage.\n`,
      );
      return 2;
    }
    if (error instanceof StoreInputError) {
      io.stderr(`${error.problems.map((p) => `acpnet ${name}: ${p}`).join('\n')}\n`);
      return 2;
    }
    io.stderr(`acpnet ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
