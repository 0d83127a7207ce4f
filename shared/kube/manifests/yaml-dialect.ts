import type { DocumentOptions, ParseOptions, SchemaOptions, ToStringOptions } from 'yaml';

type Tag = { tag: string; format?: string };

/** Tags kubectl's YAML reader (YAML 1.1 without timestamps, sets, pairs, binary, base 60) knows. */
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
 * with merge keys, while timestamps and `12:30` stay strings.
 */
export const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  schema: 'yaml-1.1',
  merge: true,
  customTags: kubectlTags as SchemaOptions['customTags'],
  prettyErrors: false,
  uniqueKeys: true,
};

/** Writes YAML that reads back identically under KUBECTL_YAML: sorted keys, no anchors, no folding. */
export const STABLE_YAML_OUTPUT: DocumentOptions &
  SchemaOptions &
  ToStringOptions & { aliasDuplicateObjects: false } = {
  version: '1.1',
  schema: 'yaml-1.1',
  merge: true,
  customTags: kubectlTags as SchemaOptions['customTags'],
  sortMapEntries: true,
  aliasDuplicateObjects: false,
  lineWidth: 0,
  indentSeq: true,
};
