/**
 * OVSDB values (RFC 7047 section 5.1) and their JSON forms: atoms (string, integer, real, boolean,
 * `["uuid", "..."]`, `["named-uuid", "..."]`), sets (`["set", [atoms]]`, or one bare atom) and
 * maps (`["map", [[key, value], ...]]`). Decoding follows the column's type, so a column that is a
 * set always reads as a set, even when the wire carried a single atom.
 *
 * Integers are JavaScript numbers: values beyond 2^53 lose precision (OVN's columns stay far below).
 */
import { OvsdbDataError } from './errors.js';
import type { BaseType, ColumnType } from './schema.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAMED_UUID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A row's identity. */
export class Uuid {
  readonly value: string;
  constructor(value: string) {
    if (!UUID_PATTERN.test(value)) throw new OvsdbDataError(`${JSON.stringify(value)} is not a UUID`);
    this.value = value.toLowerCase();
  }
  toString(): string {
    return this.value;
  }
}

/** A row inserted earlier in the same transaction, by its `uuid-name`. */
export class NamedUuid {
  constructor(readonly name: string) {
    if (!NAMED_UUID_PATTERN.test(name))
      throw new OvsdbDataError(`${JSON.stringify(name)} is not a uuid-name`);
  }
  toString(): string {
    return this.name;
  }
}

export type Atom = string | number | boolean | Uuid | NamedUuid;

export class OvsdbSet {
  constructor(readonly items: readonly Atom[]) {}
}

export class OvsdbMap {
  constructor(readonly entries: readonly (readonly [Atom, Atom])[]) {}

  get(key: Atom): Atom | undefined {
    return this.entries.find(([k]) => atomsEqual(k, key))?.[1];
  }

  has(key: Atom): boolean {
    return this.entries.some(([k]) => atomsEqual(k, key));
  }
}

export type Datum = Atom | OvsdbSet | OvsdbMap;

export function atomsEqual(a: Atom, b: Atom): boolean {
  if (a instanceof Uuid) return b instanceof Uuid && a.value === b.value;
  if (a instanceof NamedUuid) return b instanceof NamedUuid && a.name === b.name;
  return a === b;
}

/** A string map from a Record, for external_ids and other_config columns. */
export function stringMap(record: Readonly<Record<string, string>>): OvsdbMap {
  return new OvsdbMap(Object.entries(record));
}

export function uuidSet(uuids: Iterable<string>): OvsdbSet {
  return new OvsdbSet([...uuids].map((u) => new Uuid(u)));
}

/** The JSON form of an atom. */
export function encodeAtom(atom: Atom): unknown {
  if (atom instanceof Uuid) return ['uuid', atom.value];
  if (atom instanceof NamedUuid) return ['named-uuid', atom.name];
  if (typeof atom === 'number' && !Number.isFinite(atom)) {
    throw new OvsdbDataError(`${atom} is not a number OVSDB can carry`);
  }
  return atom;
}

/** The JSON form of any value, without a column type (a one-element set is written as a set). */
export function encodeDatum(datum: Datum): unknown {
  if (datum instanceof OvsdbSet) return ['set', datum.items.map(encodeAtom)];
  if (datum instanceof OvsdbMap)
    return ['map', datum.entries.map(([k, v]) => [encodeAtom(k), encodeAtom(v)])];
  return encodeAtom(datum);
}

function describe(json: unknown): string {
  const text = JSON.stringify(json) ?? String(json);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

/** Reads one atom of the given base type; `where` names the column for the error. */
export function decodeAtom(base: BaseType, json: unknown, where: string): Atom {
  const wrong = (): never => {
    throw new OvsdbDataError(`${where}: expected ${base.type}, got ${describe(json)}`);
  };
  switch (base.type) {
    case 'string':
      return typeof json === 'string' ? json : wrong();
    case 'integer':
      return typeof json === 'number' && Number.isInteger(json) ? json : wrong();
    case 'real':
      return typeof json === 'number' ? json : wrong();
    case 'boolean':
      return typeof json === 'boolean' ? json : wrong();
    case 'uuid': {
      if (!Array.isArray(json) || json.length !== 2 || typeof json[1] !== 'string') return wrong();
      if (json[0] === 'uuid') return new Uuid(json[1]);
      if (json[0] === 'named-uuid') return new NamedUuid(json[1]);
      return wrong();
    }
  }
}

function isTagged(json: unknown, tag: string): json is [string, unknown[]] {
  return Array.isArray(json) && json.length === 2 && json[0] === tag && Array.isArray(json[1]);
}

/** Reads a value of a column of the given type from its JSON form. */
export function decodeDatum(type: ColumnType, json: unknown, where: string): Datum {
  if (type.value) {
    if (!isTagged(json, 'map')) throw new OvsdbDataError(`${where}: expected a map, got ${describe(json)}`);
    const entries = json[1].map((pair, i): [Atom, Atom] => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new OvsdbDataError(`${where}: map entry ${i} is not a [key, value] pair`);
      }
      return [
        decodeAtom(type.key, pair[0], `${where} key`),
        decodeAtom(type.value!, pair[1], `${where} value`),
      ];
    });
    return new OvsdbMap(entries);
  }
  const scalar = type.min === 1 && type.max === 1;
  if (isTagged(json, 'set')) {
    const items = json[1].map((item) => decodeAtom(type.key, item, where));
    if (!scalar) return new OvsdbSet(items);
    if (items.length !== 1)
      throw new OvsdbDataError(`${where}: expected one ${type.key.type}, got ${items.length}`);
    return items[0]!;
  }
  const atom = decodeAtom(type.key, json, where);
  return scalar ? atom : new OvsdbSet([atom]);
}

/**
 * Checks that a value fits a column before it is sent: the atoms' types and the set's bounds. The
 * server checks the same; checking here names the column and stops a transaction before it leaves.
 * Without `bounds`, only the atoms are checked (a condition's or a mutation's operand).
 */
export function checkDatum(type: ColumnType, datum: Datum, where: string, bounds = true): void {
  const checkAtom = (base: BaseType, atom: Atom, role: string) => {
    const ok =
      base.type === 'uuid'
        ? atom instanceof Uuid || atom instanceof NamedUuid
        : base.type === 'integer'
          ? typeof atom === 'number' && Number.isInteger(atom)
          : base.type === 'real'
            ? typeof atom === 'number'
            : typeof atom === base.type;
    if (!ok)
      throw new OvsdbDataError(`${where}${role}: expected ${base.type}, got ${describe(encodeAtom(atom))}`);
  };
  if (type.value) {
    if (!(datum instanceof OvsdbMap)) throw new OvsdbDataError(`${where}: expected a map`);
    for (const [k, v] of datum.entries) {
      checkAtom(type.key, k, ' key');
      checkAtom(type.value, v, ' value');
    }
    return;
  }
  if (datum instanceof OvsdbMap)
    throw new OvsdbDataError(`${where}: a map given for a column that is not one`);
  const items = datum instanceof OvsdbSet ? datum.items : [datum];
  for (const item of items) checkAtom(type.key, item, '');
  if (bounds && (items.length < type.min || items.length > type.max)) {
    const bound =
      type.max === Number.POSITIVE_INFINITY ? `at least ${type.min}` : `${type.min} to ${type.max}`;
    throw new OvsdbDataError(`${where}: expected ${bound} values, got ${items.length}`);
  }
}
