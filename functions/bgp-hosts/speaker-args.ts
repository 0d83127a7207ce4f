import { isDeepStrictEqual } from 'node:util';
import {
  SPEAKER_CONTAINER,
  SPEAKER_DAEMON_SET,
  SPEAKER_FLAGS_ANNOTATION,
  SPEAKER_NAMESPACE,
} from '../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { keyOf } from '../../shared/kube/object.js';
import { BGP_PEER } from '../../shared/kube/schemas/metallb.js';
import { DAEMON_SET, type DaemonSet } from '../../shared/kube/schemas/workloads.js';
import type { JsonPatchOperation } from '../../shared/kube/store.js';
import type { Effect } from '../runtime/contract.js';
import { eventEffect } from './events.js';
import { BOOLEAN_FLAGS, SPEAKER_FLAGS, type SpeakerFlag, speakerFlags } from './speaker-flags.js';

/** The flag a command-line word sets (`--x=1` or `--x`), if it is one of `handled`. */
function flagOf(word: string, handled: ReadonlySet<string>): string | undefined {
  const flag = word.split('=', 1)[0] ?? '';
  return handled.has(flag) ? flag : undefined;
}

/**
 * The args with every flag in `handled` taken out (`--x=v`, or `--x v` for a flag that takes a value)
 * and each flag of `values` written back as `--x=v`, where it first stood or else at the end. Every
 * other word stays as it is, in its place.
 */
export function editArgs(
  args: readonly string[],
  handled: ReadonlySet<string>,
  values: ReadonlyMap<string, string>,
): string[] {
  const out: string[] = [];
  const written = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    const flag = flagOf(word, handled);
    if (flag === undefined) {
      out.push(word);
      continue;
    }
    if (
      !word.includes('=') &&
      !BOOLEAN_FLAGS.has(flag) &&
      i + 1 < args.length &&
      !(args[i + 1] ?? '').startsWith('-')
    )
      i++;
    const value = values.get(flag);
    if (value !== undefined && !written.has(flag)) {
      out.push(`${flag}=${value}`);
      written.add(flag);
    }
  }
  for (const flag of SPEAKER_FLAGS) {
    const value = values.get(flag);
    if (value !== undefined && handled.has(flag) && !written.has(flag)) out.push(`${flag}=${value}`);
  }
  return out;
}

function ownedFlags(daemonSet: DaemonSet): Set<string> {
  const recorded = daemonSet.metadata.annotations?.[SPEAKER_FLAGS_ANNOTATION] ?? '';
  return new Set(recorded.split(',').filter((flag) => (SPEAKER_FLAGS as readonly string[]).includes(flag)));
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function annotationOps(daemonSet: DaemonSet, value: string): JsonPatchOperation[] {
  const annotations = daemonSet.metadata.annotations;
  const current = annotations?.[SPEAKER_FLAGS_ANNOTATION];
  if (current === value || (current === undefined && value === '')) return [];
  const path = `/metadata/annotations/${escapePointer(SPEAKER_FLAGS_ANNOTATION)}`;
  if (value === '') return [{ op: 'remove', path }];
  if (!annotations)
    return [{ op: 'add', path: '/metadata/annotations', value: { [SPEAKER_FLAGS_ANNOTATION]: value } }];
  return [{ op: 'add', path, value }];
}

/**
 * Keeps the neighbour flags of kube-ovn-speaker's container args in step with the BGPPeers. acpnet
 * handles the flags it derives and those it set before (listed in SPEAKER_FLAGS_ANNOTATION): a derived
 * flag is written, a flag it set that the peers no longer determine is removed, a flag the peers
 * disagree on is left as it is (with a Warning Event), and flags acpnet never set are not touched.
 * Written as a JSON patch guarded by tests of the container's name and args.
 */
export function planSpeakerArgs(view: ModelView, time: string | undefined): Effect[] {
  const daemonSet = view.get(DAEMON_SET, SPEAKER_NAMESPACE, SPEAKER_DAEMON_SET);
  const containers = daemonSet?.spec?.template?.spec?.containers ?? [];
  const index = containers.findIndex((container) => container.name === SPEAKER_CONTAINER);
  if (!daemonSet || index < 0) return [];
  const flags = speakerFlags(view.list(BGP_PEER));
  const owned = ownedFlags(daemonSet);
  const kept = [...owned].filter((flag) => flags.conflicts.has(flag as SpeakerFlag));
  const handled = new Set([...flags.values.keys(), ...owned].filter((flag) => !kept.includes(flag)));
  const current = containers[index]?.args;
  const args = editArgs(current ?? [], handled, flags.values);
  const nowOwned = SPEAKER_FLAGS.filter((flag) => flags.values.has(flag) || kept.includes(flag)).join(',');
  const container = `/spec/template/spec/containers/${index}`;
  const patch: JsonPatchOperation[] = [];
  if (!isDeepStrictEqual(args, current ?? [])) {
    patch.push({ op: 'test', path: `${container}/name`, value: SPEAKER_CONTAINER });
    if (current) patch.push({ op: 'test', path: `${container}/args`, value: current });
    patch.push({ op: 'add', path: `${container}/args`, value: args });
  }
  patch.push(...annotationOps(daemonSet, nowOwned));
  const effects: Effect[] = [...flags.conflicts].map(([flag, wants]) =>
    eventEffect(
      daemonSet,
      {
        type: 'Warning',
        reason: 'SpeakerFlagConflict',
        message: `BGPPeers disagree on ${flag} (${wants}); kube-ovn-speaker takes one value for every neighbour, so acpnet leaves ${flag} as it is`,
      },
      time,
      false,
    ),
  );
  if (patch.length > 0)
    effects.push({ op: 'jsonPatch', apiVersion: daemonSet.apiVersion, key: keyOf(daemonSet), patch });
  return effects;
}
