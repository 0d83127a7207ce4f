import { describe, expect, it } from '@jest/globals';
import type { CliIO } from '../../../cli/io.js';
import { run } from '../../../cli/main.js';

describe('a fault of acpnet itself', () => {
  it('exits 3 with a message, never 1 (which means denied)', async () => {
    let stderr = '';
    const io: CliIO = {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      readStdin: () => Promise.reject(new Error('standard input vanished')),
    };
    expect(await run(['validate', '-'], io)).toBe(3);
    expect(stderr).toMatch(/^acpnet validate: internal error: Error: standard input vanished/);
  });
});
