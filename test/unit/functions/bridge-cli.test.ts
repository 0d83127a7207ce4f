import { describe, expect, it } from '@jest/globals';
import type { CliIO } from '../../../cli/io.js';
import { run } from '../../../cli/main.js';

async function bridge(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '' };
  const code = await run(['bridge', ...args], io);
  return { code, stdout, stderr };
}

describe('acpnet bridge flags', () => {
  it('prints its help', async () => {
    const result = await bridge(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: acpnet bridge --kubeconfig FILE --kafka-brokers/);
  });

  it.each([
    [['--kafka-brokers', '127.0.0.1:9092'], /--kubeconfig is required/],
    [['--kubeconfig', 'kc'], /--kafka-brokers is required/],
    [
      ['--kubeconfig', 'kc', '--kafka-brokers', 'b:1', '--mode', 'xml'],
      /--mode must be binary or structured/,
    ],
    [['--kubeconfig', 'kc', '--kafka-brokers', 'b:1', 'extra'], /unexpected argument "extra"/],
    [['--kubeconfig', 'kc', '--kafka-brokers', 'b:1', '--nope'], /unknown flag --nope/],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await bridge(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
