import type { CliIO } from '../../cli/io.js';
import { run } from '../../cli/main.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the acpnet CLI in this process (no child, no tsx start-up), with `stdin` as standard input. */
export async function runInProcess(args: readonly string[], stdin = ''): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => stdin,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
