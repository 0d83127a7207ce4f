import { describe, expect, it } from '@jest/globals';
import { indentFlowContinuations } from '../../../shared/kube/manifests/flow-indentation.js';
import { parseManifests } from '../../../shared/kube/manifests.js';

const NAD_HEAD = `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: attachnet
  namespace: default
spec:
`;

function config(text: string): unknown {
  const { manifests, errors } = parseManifests(text, 'nad.yaml');
  expect(errors.map((e) => e.message)).toEqual([]);
  return manifests[0]?.object.spec;
}

describe('quoted scalars and flow collections whose lines are not indented, as kubectl reads them', () => {
  it("reads a NetworkAttachmentDefinition whose single-quoted config closes at the key's indentation", () => {
    const text = `${NAD_HEAD}  config: '{
      "cniVersion": "0.3.0",
      "type": "macvlan",
      "master": "eth1"
  }'
`;
    expect(config(text)).toEqual({
      config: '{ "cniVersion": "0.3.0", "type": "macvlan", "master": "eth1" }',
    });
  });

  it('reads a single-quoted scalar closing at column 0 in a nested mapping, and what follows it', () => {
    const text = `${NAD_HEAD}  plugin:
    config: '{
"cniVersion": "0.3.1",
  "name": "it''s"
}'
    after: 1
`;
    expect(config(text)).toEqual({
      plugin: { config: `{ "cniVersion": "0.3.1", "name": "it's" }`, after: 1 },
    });
  });

  it('reads a double-quoted multi-line scalar at the key indentation', () => {
    const text = `${NAD_HEAD}  config: "{
    \\"type\\": \\"bridge\\",
  \\"bridge\\": \\"br0\\"
  }"
`;
    expect(config(text)).toEqual({ config: '{ "type": "bridge", "bridge": "br0" }' });
  });

  it('reads a flow mapping of JSON whose lines start at column 0', () => {
    const text = `${NAD_HEAD}  config: {
"cniVersion": "0.3.1",
"plugins": [ { "type": "bridge" },
{ "type": "portmap" } ]
}
`;
    expect(config(text)).toEqual({
      config: { cniVersion: '0.3.1', plugins: [{ type: 'bridge' }, { type: 'portmap' }] },
    });
  });

  it('keeps line numbers: an error below a mended scalar names its own line', () => {
    const text = `${NAD_HEAD}  config: '{
  }'
---
apiVersion: v1
kind: ConfigMap
metadata: {}
`;
    const { manifests, errors } = parseManifests(text, 'nad.yaml');
    expect(manifests.map((m) => [m.document, m.line])).toEqual([[1, 1]]);
    expect(errors.map((e) => e.message)).toEqual(['nad.yaml:12: document 2: metadata.name is missing']);
  });

  it('still refuses a quoted scalar cut by a document marker, or never closed', () => {
    for (const text of ["a:\n  b: 'x\n---\ny'\n", "a:\n  b: 'x\ny\n", 'a:\n  b: [1,\n2\n']) {
      const { manifests, errors } = parseManifests(text, 'bad.yaml');
      expect(manifests).toEqual([]);
      expect(errors[0]?.message).toMatch(/YAML syntax error/);
    }
  });

  it('only widens lines inside the quoted scalar or flow collection, and leaves sound text alone', () => {
    expect(indentFlowContinuations("a:\n  b: 'x\n y'\nc: 1\n")).toBe("a:\n  b: 'x\n     y'\nc: 1\n");
    expect(indentFlowContinuations('a:\n  b: [1,\n2]\nc: 1\n')).toBe('a:\n  b: [1,\n     2]\nc: 1\n');
    expect(indentFlowContinuations("a:\n  b: 'x\n     y'\n")).toBeUndefined();
    expect(indentFlowContinuations('a: 1\n')).toBeUndefined();
  });
});

describe('a flow collection that is never closed', () => {
  it('is reported where the text as written first goes wrong, not after mending', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [unclosed\ndata: {}\n';
    const { errors } = parseManifests(text, 'bad.yaml');
    expect(errors.map((e) => [e.line, e.column])).toEqual([[6, 1]]);
  });
});

describe('many documents to mend', () => {
  it('mends every document of a file of 2,000 NetworkAttachmentDefinitions in a few rounds', () => {
    const nad = (i: number) => `${NAD_HEAD.replace('attachnet', `net${i}`)}  config: '{
    "cniVersion": "0.3.0",
  "master": "eth${i}"
  }'
`;
    const text = Array.from({ length: 2000 }, (_, i) => nad(i)).join('---\n');
    const started = Date.now();
    const { manifests, errors } = parseManifests(text, 'nads.yaml');
    expect(errors).toEqual([]);
    expect(manifests).toHaveLength(2000);
    expect(manifests[1999]?.object.spec).toEqual({
      config: '{ "cniVersion": "0.3.0", "master": "eth1999" }',
    });
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
