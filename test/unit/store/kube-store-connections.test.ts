import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import {
  connectionIdentity,
  type Dispatcher,
  DispatcherPool,
} from '../../../shared/kube/kube-store/dispatcher-pool.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'acpnet-connections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeConfigWith(user: Record<string, unknown>): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://127.0.0.1:6443', caData: 'Y2E=' }],
    users: [{ name: 'u', ...user }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kubeConfig;
}

/** A stand-in dispatcher that records whether it was closed. */
function dispatcher(): Dispatcher & { closed: boolean } {
  const fake = {
    closed: false,
    close: async () => {
      fake.closed = true;
    },
  };
  return fake as unknown as Dispatcher & { closed: boolean };
}

describe('connectionIdentity', () => {
  it('stays the same while the certificate files do not change, and changes when one is rewritten', () => {
    const cert = path.join(dir, 'client.crt');
    writeFileSync(cert, 'first');
    const kubeConfig = kubeConfigWith({ certFile: cert, keyData: 'a2V5' });
    const before = connectionIdentity(kubeConfig);
    expect(connectionIdentity(kubeConfig)).toBe(before);
    writeFileSync(cert, 'second, rotated');
    expect(connectionIdentity(kubeConfig)).not.toBe(before);
  });

  it.each([
    [
      'an exec plugin',
      { exec: { command: 'get-credentials', apiVersion: 'client.authentication.k8s.io/v1' } },
    ],
    ['an auth provider', { authProvider: { name: 'oidc', config: {} } }],
  ])('is unknown for credentials from %s, which may bring certificates of their own', (_name, user) => {
    expect(connectionIdentity(kubeConfigWith(user))).toBeUndefined();
  });
});

describe('DispatcherPool', () => {
  it('keeps the first dispatcher of an identity and closes the fresh ones', () => {
    const pool = new DispatcherPool();
    const first = dispatcher();
    const second = dispatcher();
    expect(pool.pick('a', first)).toBe(first);
    expect(pool.pick('a', second)).toBe(first);
    expect([first.closed, second.closed]).toEqual([false, true]);
  });

  it('switches to a new identity and closes the old dispatcher', () => {
    const pool = new DispatcherPool();
    const old = dispatcher();
    const next = dispatcher();
    pool.pick('a', old);
    expect(pool.pick('b', next)).toBe(next);
    expect([old.closed, next.closed]).toEqual([true, false]);
  });

  it('passes a dispatcher through when the identity is unknown', () => {
    const pool = new DispatcherPool();
    const kept = dispatcher();
    pool.pick('a', kept);
    const fresh = dispatcher();
    expect(pool.pick(undefined, fresh)).toBe(fresh);
    expect([kept.closed, fresh.closed]).toEqual([false, false]);
  });
});
