import type { DocumentOptions, ParseOptions, SchemaOptions, ToStringOptions } from 'yaml';

type Tag = { tag: string; format?: string };

/** Tags of YAML 1.1 that kubectl's reader does not resolve: such scalars stay strings. */
const UNSUPPORTED_TAGS = new Set([
  'tag:yaml.org,2002:binary',
  'tag:yaml.org,2002:omap',
  'tag:yaml.org,2002:pairs',
  'tag:yaml.org,2002:set',
  'tag:yaml.org,2002:timestamp',
]);

function kubectlTags<T extends Tag>(tags: T[]): T[] {
  return tags.filter((tag) => !UNSUPPORTED_TAGS.has(tag.tag) && tag.format !== 'TIME');
}

/**
 * Reads YAML the way kubectl does: YAML 1.1 scalars (`yes`/`on` are booleans, `0755` is octal)
 * with merge keys, while timestamps and base-60 look-alikes such as `12:30` stay strings.
 */
export const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: kubectlTags as SchemaOptions['customTags'],
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
};

/**
 * Writes YAML that reads back identically under KUBECTL_YAML and under stricter YAML 1.1 readers:
 * knowing the timestamp and base-60 tags makes strings such as `12:30` or `2024-01-02T03:04:05Z`
 * come out quoted. Sorted keys, no anchors, no folding.
 */
export const STABLE_YAML_OUTPUT: DocumentOptions &
  SchemaOptions &
  ToStringOptions & { aliasDuplicateObjects: false } = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: ['intTime', 'floatTime', 'timestamp'],
  merge: true,
  sortMapEntries: true,
  aliasDuplicateObjects: false,
  lineWidth: 0,
  indentSeq: true,
};
