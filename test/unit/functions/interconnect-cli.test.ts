/** The flags of `acpnet ovsdb-bridge`, and the function flags `serve` and `replay` gained, refused with exit 2. */
import { describe, expect, it } from '@jest/globals';
import { runInProcess } from '../../support/cli-in-process.js';

describe('acpnet ovsdb-bridge flags', () => {
  it('prints its help, naming the event type', async () => {
    const result = await runInProcess(['ovsdb-bridge', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: acpnet ovsdb-bridge --ic-sb REMOTE/);
    expect(result.stdout).toContain('io.acpnet.ovsdb.row.changed');
  });

  it.each([
    [['--kafka-brokers', 'b:1'], /--ic-sb REMOTE is required/],
    [['--ic-sb', 'tcp:127.0.0.1:6646'], /give exactly one of --kafka-brokers and --sink/],
    [
      ['--ic-sb', 'tcp:127.0.0.1:6646', '--kafka-brokers', 'b:1', '--sink', 'http://x/'],
      /give exactly one of/,
    ],
    [
      ['--ic-sb', 'tcp:127.0.0.1:6646', '--sink', 'ftp://x/'],
      /--sink must be an http:\/\/ or https:\/\/ URL, got "ftp:\/\/x\/"/,
    ],
    [
      ['--ic-sb', 'tcp:127.0.0.1:6646', '--sink', 'http://x/', '--topic', 't'],
      /--topic needs --kafka-brokers/,
    ],
    [['--ic-sb', 'tcp:host', '--sink', 'http://x/'], /--ic-sb: "tcp:host" is not tcp:HOST:PORT/],
    [
      ['--ic-sb', 'ssl:127.0.0.1:6646', '--sink', 'http://x/'],
      /ssl: remotes need --private-key, --certificate and --ca-cert/,
    ],
    [
      ['--ic-sb', 'tcp:127.0.0.1:6646', '--sink', 'http://x/', '--private-key', 'k'],
      /--private-key, --certificate and --ca-cert go together/,
    ],
    [
      ['--ic-sb', 'tcp:127.0.0.1:6646', '--sink', 'http://x/', '--timeout', '0'],
      /--timeout must be a positive number of seconds, got "0"/,
    ],
    [
      ['--ic-sb', 'tcp:127.0.0.1:6646', '--sink', 'http://x/', '--mode', 'xml'],
      /--mode must be binary or structured/,
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await runInProcess(['ovsdb-bridge', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('names a TLS file it cannot read, exit 2', async () => {
    const result = await runInProcess([
      'ovsdb-bridge',
      '--ic-sb',
      'ssl:127.0.0.1:6646',
      '--sink',
      'http://x/',
      '--private-key',
      '/nonexistent/key.pem',
      '--certificate',
      '/nonexistent/cert.pem',
      '--ca-cert',
      '/nonexistent/ca.pem',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('acpnet ovsdb-bridge: --private-key /nonexistent/key.pem: ENOENT');
  });
});

describe('function flags of serve and replay', () => {
  it.each([
    [['serve', 'functions', '--functions', 'ingress-sync,nope'], /--functions: unknown function\(s\) nope/],
    [
      ['serve', 'functions', '--ic-sb', 'udp:1.2.3.4:6646'],
      /--ic-sb: "udp:1.2.3.4:6646" is not tcp:HOST:PORT, ssl:HOST:PORT or unix:PATH/,
    ],
    [
      ['replay', '--from', 'x.jsonl', '--ovn-nb', 'ssl:[fd00::1]:6641'],
      /ssl: remotes need --ovsdb-private-key, --ovsdb-certificate and --ovsdb-ca-cert/,
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
