import { core } from 'zod';

/** A step into a schema: an object field by name, or (0) any element of a list. */
type Step = string | 0;

/**
 * The schemas a value can meet at one place: wrappers (optional, nullable, default, pipes, lazy)
 * are looked through, and every branch of a union or intersection is kept.
 */
function alternatives(schema: core.$ZodType, out: core.$ZodType[] = [], seen = new Set<core.$ZodType>()) {
  if (seen.has(schema)) return out;
  seen.add(schema);
  if (
    schema instanceof core.$ZodOptional ||
    schema instanceof core.$ZodNullable ||
    schema instanceof core.$ZodDefault ||
    schema instanceof core.$ZodPrefault ||
    schema instanceof core.$ZodNonOptional ||
    schema instanceof core.$ZodReadonly ||
    schema instanceof core.$ZodCatch
  )
    alternatives(schema._zod.def.innerType, out, seen);
  else if (schema instanceof core.$ZodPipe) alternatives(schema._zod.def.in, out, seen);
  else if (schema instanceof core.$ZodLazy) alternatives(schema._zod.def.getter(), out, seen);
  else if (schema instanceof core.$ZodUnion)
    for (const option of schema._zod.def.options) alternatives(option, out, seen);
  else if (schema instanceof core.$ZodIntersection) {
    alternatives(schema._zod.def.left, out, seen);
    alternatives(schema._zod.def.right, out, seen);
  } else out.push(schema);
  return out;
}

function objectsOf(schemas: readonly core.$ZodType[]): core.$ZodObject[] {
  return schemas.flatMap((s) => alternatives(s)).filter((s) => s instanceof core.$ZodObject);
}

function elementsOf(schemas: readonly core.$ZodType[]): core.$ZodType[] {
  return schemas
    .flatMap((s) => alternatives(s))
    .flatMap((s) => (s instanceof core.$ZodArray ? [s._zod.def.element] : []));
}

/** The schemas that can stand at `path` of a value `schema` reads (several where a union branches). */
export function schemasAt(schema: core.$ZodType, path: readonly PropertyKey[]): core.$ZodType[] {
  let current: core.$ZodType[] = [schema];
  for (const key of path) {
    if (typeof key === 'number') {
      current = elementsOf(current);
      continue;
    }
    const name = String(key);
    const next: core.$ZodType[] = [];
    for (const s of current.flatMap((c) => alternatives(c))) {
      if (s instanceof core.$ZodObject) {
        const field = s._zod.def.shape[name];
        if (field) next.push(field);
      } else if (s instanceof core.$ZodRecord) next.push(s._zod.def.valueType);
    }
    current = next;
  }
  return current;
}

/** The object schemas that can stand at `path` (a list element is the step 0). */
export function objectsAt(schema: core.$ZodType, path: readonly PropertyKey[]): core.$ZodObject[] {
  return objectsOf(schemasAt(schema, path));
}

/** The objects a field holds, directly or as the elements of a list, with the steps into them. */
function objectsInField(name: string, field: core.$ZodType): { steps: Step[]; object: core.$ZodObject }[] {
  return [
    ...objectsOf([field]).map((object) => ({ steps: [name] as Step[], object })),
    ...objectsOf(elementsOf([field])).map((object) => ({ steps: [name, 0] as Step[], object })),
  ];
}

/** Steps to the fields named `key` one level below the objects in `containers`. */
function fieldsBelow(containers: readonly core.$ZodObject[], key: string): Step[][] {
  const found: Step[][] = [];
  for (const container of containers)
    for (const [name, field] of Object.entries(container._zod.def.shape))
      for (const { steps, object } of objectsInField(name, field))
        if (Object.hasOwn(object._zod.def.shape, key)) found.push([...steps, key]);
  return found;
}

/** Steps to the fields named `key` two levels below the objects in `containers`. */
function fieldsTwoBelow(containers: readonly core.$ZodObject[], key: string): Step[][] {
  const found: Step[][] = [];
  for (const container of containers)
    for (const [name, field] of Object.entries(container._zod.def.shape))
      for (const { steps, object } of objectsInField(name, field))
        for (const below of fieldsBelow([object], key)) found.push([...steps, ...below]);
  return found;
}

function render(base: string, steps: readonly Step[]): string {
  let out = base;
  for (const step of steps) out += step === 0 ? '[*]' : out ? `.${step}` : step;
  return out;
}

/** More candidates than this is no guess. */
const MAX_GUESSES = 3;

/**
 * Where an unknown field `key` of the object at `containerPath` was probably meant to go: a known
 * field of that object spelt the same but for case; else the known fields of that name one level
 * below that object, else two levels below (the field was written one or two levels too high). Rendered as field paths under `base` (the container's own path),
 * `[*]` standing for any list element; empty when there is none, or too many to be a guess.
 */
export function meantFields(
  schema: core.$ZodType,
  containerPath: readonly PropertyKey[],
  key: string,
  base: string,
): string[] {
  const containers = objectsOf(schemasAt(schema, containerPath));
  const lower = key.toLowerCase();
  const sameButCase = containers.flatMap((c) =>
    Object.keys(c._zod.def.shape).filter((name) => name !== key && name.toLowerCase() === lower),
  );
  if (sameButCase.length > 0) return [...new Set(sameButCase.map((name) => render(base, [name])))];
  let found = fieldsBelow(containers, key);
  if (found.length === 0) found = fieldsTwoBelow(containers, key);
  const paths = [...new Set(found.map((steps) => render(base, steps)))];
  return paths.length <= MAX_GUESSES ? paths : [];
}
