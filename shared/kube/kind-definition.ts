import type { ZodType } from 'zod';
import type { GroupKind } from './object.js';

/** What acpnet knows of one kind: where it lives in the API and the schema of each served version. */
export interface KindDefinition {
  group: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** version -> schema of the whole object (apiVersion, kind, metadata, spec, ...). */
  versions: Readonly<Record<string, ZodType>>;
}

export function groupKindOfDefinition(def: KindDefinition): GroupKind {
  return `${def.group}/${def.kind}`;
}
