import { createHash } from 'node:crypto';
import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildChangeEvent, type ChangeType } from '../../shared/events/apiserver.js';
import { loadManifests } from '../../shared/kube/manifests.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { keyOf, keyString } from '../../shared/kube/object.js';
import { type StateSource, writeState } from '../../shared/kube/state-writer.js';
import type { Logger } from './logger.js';
import type { EventSink } from './processor.js';

export const OUTPUT_DIR = '.acpnet-out';

/** Manifest files under `dir`, skipping dot-directories (the output directory among them). */
async function manifestFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await manifestFiles(full)));
    else if (/\.(ya?ml|json)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

export interface StateChange {
  type: ChangeType;
  object: KubeObject;
}

/** What changed between two readings of the directory: adds, updates (content differs), deletes. */
export function diffObjects(
  before: ReadonlyMap<string, KubeObject>,
  after: ReadonlyMap<string, KubeObject>,
): StateChange[] {
  const changes: StateChange[] = [];
  for (const [key, object] of after) {
    const old = before.get(key);
    if (!old) changes.push({ type: 'add', object });
    else if (JSON.stringify(old) !== JSON.stringify(object)) changes.push({ type: 'update', object });
  }
  for (const [key, object] of before) if (!after.has(key)) changes.push({ type: 'delete', object });
  return changes;
}

function contentId(change: StateChange): string {
  const digest = createHash('sha256').update(JSON.stringify(change.object)).digest('hex').slice(0, 16);
  return `state/${keyString(keyOf(change.object))}/${digest}/${change.type}`;
}

export interface StateLoopOptions {
  dir: string;
  sink: EventSink;
  store: StateSource;
  logger: Logger;
  /** Milliseconds of quiet after a file change before the directory is read again. */
  debounceMs?: number;
}

export interface StateLoop {
  /** Resolves once the initial add events are processed and the output is written. */
  ready: Promise<void>;
  close(): void;
}

/**
 * The local loop of `serve --state DIR`: every manifest becomes an add event at start, file changes
 * become update/delete events, and the store is written to DIR/.acpnet-out/ after each round.
 */
export function startStateLoop(options: StateLoopOptions): StateLoop {
  const { dir, sink, store, logger } = options;
  let known = new Map<string, KubeObject>();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  async function read(): Promise<Map<string, KubeObject> | undefined> {
    const { manifests, errors } = await loadManifests(await manifestFiles(dir));
    if (errors.length > 0) {
      for (const error of errors) logger.warn({ state: dir }, `--state: ${error.message}`);
      return undefined;
    }
    return new Map(manifests.map((m) => [keyString(keyOf(m.object)), m.object]));
  }

  async function round(): Promise<void> {
    const current = await read();
    if (!current) return;
    const changes = diffObjects(known, current);
    known = current;
    for (const change of changes) {
      const event = buildChangeEvent(change.type, change.object, {
        source: `file://${path.resolve(dir)}`,
        id: contentId(change),
      });
      try {
        await sink.process(event);
      } catch (error) {
        logger.error({ err: error, eventId: event.id }, 'state change could not be processed');
      }
    }
    await writeState(store, path.join(dir, OUTPUT_DIR));
    if (changes.length > 0)
      logger.info({ changes: changes.length, output: path.join(dir, OUTPUT_DIR) }, 'state written');
  }

  const schedule = () => {
    running = running.then(round, round);
    return running;
  };
  const ready = schedule();
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true }, (_event, file) => {
      if (
        file &&
        String(file)
          .split(path.sep)
          .some((part) => part.startsWith('.'))
      )
        return;
      clearTimeout(timer);
      timer = setTimeout(schedule, options.debounceMs ?? 200);
    });
  } catch (error) {
    logger.warn(
      { err: error, state: dir },
      'cannot watch the state directory; changes will not be picked up',
    );
  }
  return {
    ready,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
