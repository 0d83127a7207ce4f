import type { DocumentOptions, ParseOptions, SchemaOptions, ToStringOptions } from 'yaml';
import { GO_YAML_PLAIN, GO_YAML_SCALAR_TAGS } from './go-yaml-scalars.js';

/**
 * Reads YAML the way kubectl does (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 words (`yes`/`on`
 * are booleans, `~` is null), Go integer literals (`0755` and `0o755` are octal), merge keys;
 * timestamps and base-60 look-alikes such as `12:30` stay strings. See go-yaml-scalars.ts.
 */
export const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'failsafe',
  customTags: GO_YAML_SCALAR_TAGS,
  resolveKnownTags: false,
  merge: true,
  prettyErrors: false,
  // Duplicated keys are refused by duplicateKeyOffset, in linear time.
  uniqueKeys: false,
};

/**
 * Writes YAML that reads back identically under KUBECTL_YAML and under stricter YAML 1.1 readers:
 * knowing the timestamp and base-60 tags makes strings such as `12:30` or `2024-01-02T03:04:05Z`
 * come out quoted, and knowing go-yaml's plain scalars strings such as `0o755`. Sorted keys, no
 * anchors, no folding.
 */
export const STABLE_YAML_OUTPUT: DocumentOptions &
  SchemaOptions &
  ToStringOptions & { aliasDuplicateObjects: false } = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: ['intTime', 'floatTime', 'timestamp', GO_YAML_PLAIN],
  merge: true,
  sortMapEntries: true,
  aliasDuplicateObjects: false,
  lineWidth: 0,
  indentSeq: true,
};
