import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { readYamlStream } from '../../../shared/kube/manifests/yaml-stream.js';
import { canonicalJson, readAsKubectl, yamlReferenceBinary } from '../../support/yaml-reference.js';

interface DifferentialCase {
  name: string;
  yaml: string;
  kubectl: 'accepts' | 'refuses';
  differs?: string;
  acpnet?: 'accepts' | 'refuses';
}

type Reading = { refused: true; why: string } | { refused: false; documents: string[] };

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/manifests');
const tableCases = parse(
  readFileSync(path.join(fixtures, 'kubectl-yaml-cases.yaml'), 'utf8'),
) as DifferentialCase[];

/** Streams too large to write out in the table. */
const generatedCases: DifferentialCase[] = [
  { name: 'a 200,000-character line', kubectl: 'accepts', yaml: `a: ${'x'.repeat(200_000)}\nb: 1\n` },
  {
    name: 'a 100,000-character quoted line folded',
    kubectl: 'accepts',
    yaml: `a: '${'word '.repeat(20_000)}\n  ${'more '.repeat(20_000)}'\n`,
  },
  { name: 'an implicit key of 1,024 characters', kubectl: 'accepts', yaml: `${'k'.repeat(1020)}: 1\n` },
  { name: 'an implicit key over 1,024 characters', kubectl: 'refuses', yaml: `${'k'.repeat(1100)}: 1\n` },
  {
    name: 'mappings nested 300 deep',
    kubectl: 'accepts',
    yaml: Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:\n`).join('') + `${' '.repeat(300)}v: 1\n`,
  },
  { name: 'a NUL in a plain scalar', kubectl: 'refuses', yaml: 'a: x\u0000y\n' },
  { name: 'a NUL in a quoted scalar', kubectl: 'refuses', yaml: 'a: "x\u0000y"\n' },
  { name: 'an escape control character in a comment', kubectl: 'refuses', yaml: 'a: 1 # \u001b[31m\n' },
  { name: 'DEL in a value', kubectl: 'refuses', yaml: 'a: x\u007fy\n' },
  { name: 'a noncharacter U+FFFE', kubectl: 'refuses', yaml: 'a: x\ufffey\n' },
  {
    name: 'aliases nesting a document past 512 levels',
    kubectl: 'accepts',
    differs:
      'acpnet refuses any object nested deeper than 512 levels (shared/kube/nesting.ts), however the nesting is written',
    acpnet: 'refuses',
    yaml: `a: &a ${'['.repeat(300)}${']'.repeat(300)}\nb: ${'['.repeat(300)}*a${']'.repeat(300)}\n`,
  },
  {
    name: 'a document of 1,000 quoted scalars closing at the key indentation',
    kubectl: 'accepts',
    differs:
      'acpnet mends such scalars one per document per reparse of the text, and stops after 2 MiB of reparsing rather than read for minutes; it reads dozens of them in a large document, thousands in a small one',
    acpnet: 'refuses',
    yaml: `spec:\n${Array.from({ length: 1000 }, (_, i) => `  k${i}: '{\n  "a": 1\n  }'\n`).join('')}`,
  },
  {
    name: 'more than 1,000 aliases in a document',
    kubectl: 'accepts',
    differs:
      'the yaml package resolves each alias by scanning the anchors before it; acpnet refuses more than 1,000 aliases per document rather than read for minutes',
    acpnet: 'refuses',
    yaml: Array.from({ length: 1001 }, (_, i) => `a${i}: &a${i} {x: 1}\nm${i}: {<<: *a${i}}\n`).join(''),
  },
];

const cases = [...tableCases, ...generatedCases];

function acpnetReading(yaml: string): Reading {
  const stream = readYamlStream(yaml);
  if (stream.error) return { refused: true, why: stream.error.message };
  const problem = stream.documents.find((document) => document.problem !== undefined);
  if (problem?.problem) return { refused: true, why: problem.problem };
  return { refused: false, documents: stream.documents.map((document) => canonicalJson(document.value)) };
}

function kubectlReading(yaml: string): Reading {
  const read = readAsKubectl(yaml);
  return read.error ? { refused: true, why: read.error } : { refused: false, documents: read.documents };
}

/** Both refuse, or both read the same documents; the reasons for refusing may differ. */
function comparable(reading: Reading): unknown {
  return reading.refused ? 'refused' : reading.documents;
}

describe('acpnet reads YAML as kubectl does (sigs.k8s.io/yaml, go-yaml v2)', () => {
  beforeAll(() => {
    yamlReferenceBinary();
  }, 600_000);

  it('has a table of cases, each named once, each difference saying what acpnet does', () => {
    expect(tableCases.length).toBeGreaterThan(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.filter((c) => (c.differs === undefined) !== (c.acpnet === undefined))).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const kubectl = kubectlReading(testCase.yaml);
    const acpnet = acpnetReading(testCase.yaml);
    expect({ kubectl: kubectl.refused ? 'refuses' : 'accepts' }).toEqual({ kubectl: testCase.kubectl });
    if (testCase.differs) {
      expect(comparable(acpnet)).not.toEqual(comparable(kubectl));
      expect({ acpnet: acpnet.refused ? 'refuses' : 'accepts' }).toEqual({ acpnet: testCase.acpnet });
    } else expect(comparable(acpnet)).toEqual(comparable(kubectl));
  });
});
