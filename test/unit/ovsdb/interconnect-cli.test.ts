import net from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { runInProcess } from '../../support/cli-in-process.js';

const acpnet = (...args: string[]) => runInProcess(args);

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('acpnet interconnect clean: command line', () => {
  it('prints its help', async () => {
    const help = await acpnet('interconnect', 'clean', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^Usage: acpnet interconnect clean --ic-sb REMOTE \(--az NAME \| --node NAME\)/,
    );
    expect((await acpnet('help', 'interconnect')).stdout).toBe(help.stdout);
    expect((await acpnet('--help')).stdout).toContain('acpnet interconnect clean [flags]');
  });

  it.each([
    [['interconnect'], /Usage: acpnet interconnect clean/],
    [['interconnect', 'purge'], /acpnet interconnect: unknown subcommand "purge" \(known: clean\)/],
    [['interconnect', 'clean', '--az', 'a'], /acpnet interconnect clean: --ic-sb REMOTE is required/],
    [
      ['interconnect', 'clean', '--ic-sb', 'tcp:127.0.0.1:6646'],
      /give exactly one of --az NAME and --node NAME/,
    ],
    [
      ['interconnect', 'clean', '--ic-sb', 'tcp:127.0.0.1:6646', '--az', 'a', '--node', 'n'],
      /give exactly one of/,
    ],
    [
      ['interconnect', 'clean', '--ic-sb', 'tcp:127.0.0.1:6646', '--az', ''],
      /--az and --node need a non-empty name/,
    ],
    [
      ['interconnect', 'clean', '--ic-sb', '127.0.0.1:6646', '--az', 'a'],
      /--ic-sb: "127.0.0.1:6646" is not tcp:HOST:PORT/,
    ],
    [
      ['interconnect', 'clean', '--ic-sb', 'tcp:h:1', '--ovn-nb', 'tcp:h', '--az', 'a'],
      /--ovn-nb: "tcp:h" is not tcp:HOST:PORT/,
    ],
    [
      ['interconnect', 'clean', '--ic-sb', 'tcp:h:1', '--az', 'a', '-o', 'yaml'],
      /--output must be text or json, got "yaml"/,
    ],
    [
      ['interconnect', 'clean', '--ic-sb', 'tcp:h:1', '--az', 'a', '--timeout', '0'],
      /--timeout must be a positive number/,
    ],
    [
      ['interconnect', 'clean', '--ic-sb', 'ssl:h:1', '--az', 'a'],
      /ssl: remotes need --private-key, --certificate and --ca-cert/,
    ],
    [['interconnect', 'clean', '--ic-sb', 'tcp:h:1', '--az', 'a', '--force'], /unknown flag --force/],
    [['interconnect', 'clean', '--ic-sb', 'tcp:h:1', '--az', 'a', 'extra'], /unexpected argument "extra"/],
  ])('exits 2 on %j', async (args, message) => {
    const result = await acpnet(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 naming a TLS file it cannot read', async () => {
    const result = await acpnet(
      ...['interconnect', 'clean', '--ic-sb', 'ssl:127.0.0.1:1', '--az', 'a'],
      ...[
        '--private-key',
        '/nonexistent/key.pem',
        '--certificate',
        '/nonexistent/c.pem',
        '--ca-cert',
        '/nonexistent/ca.pem',
      ],
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/acpnet interconnect: --private-key \/nonexistent\/key.pem: ENOENT/);
  });

  it('exits 2 naming the address of a database it cannot reach', async () => {
    const port = await closedPort();
    const result = await acpnet('interconnect', 'clean', '--ic-sb', `tcp:127.0.0.1:${port}`, '--az', 'az-a');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^acpnet interconnect clean: IC southbound database: cannot connect to tcp:127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`,
      ),
    );
  });
});
