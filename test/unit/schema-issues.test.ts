import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { formatPath, formatZodIssues } from '../../shared/kube/schema-issues.js';
import { kubeObject } from '../../shared/kube/schemas/meta.js';

describe('schema issue paths', () => {
  it.each([
    [['spec', 'listeners', 0, 'hostname'], 'spec.listeners[0].hostname'],
    [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels["app.kubernetes.io/name"]'],
    [[], ''],
  ])('%j renders as %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });

  it('names unknown fields with their full path, as strict field validation does', () => {
    const schema = kubeObject('example.io/v1', 'Thing', { spec: z.strictObject({ port: z.number() }) });
    const thing = {
      apiVersion: 'example.io/v1',
      kind: 'Thing',
      metadata: { name: 'a' },
      spec: { port: 1, prot: 2 },
    };
    const result = schema.safeParse(thing);
    expect(result.success).toBe(false);
    expect(formatZodIssues(result.error?.issues ?? [], thing)).toEqual([
      { path: 'spec.prot', message: 'unknown field "spec.prot"' },
    ]);
  });

  it('rejects bad label keys and names in metadata', () => {
    const schema = kubeObject('v1', 'ConfigMap', {});
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'Bad_Name', labels: { 'bad key': 'x' } },
    };
    const result = schema.safeParse(configMap);
    const paths = formatZodIssues(result.error?.issues ?? [], configMap).map((i) => i.path);
    expect(paths).toEqual(['metadata.name', 'metadata.labels["bad key"]']);
  });
});
