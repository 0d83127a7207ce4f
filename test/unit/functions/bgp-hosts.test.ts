import { describe, expect, it } from '@jest/globals';
import { bgpHosts } from '../../../functions/bgp-hosts/index.js';
import { applyEffects } from '../../../functions/runtime/applier.js';
import { decodeChangeEvent } from '../../../shared/events/apiserver.js';
import { ModelView } from '../../../shared/kube/model/model-view.js';
import { groupKindOf, type KubeObject } from '../../../shared/kube/object.js';
import { cloudEvent, type EventSpec, feed, newRuntime, offlineContext, readYaml } from './harness.js';

interface ExpectedEvent {
  type: string;
  reason: string;
  about: string;
  message: string[];
}

interface Case {
  name: string;
  events: EventSpec[];
  expect: {
    advertisements: Record<string, { announcing: string; withoutPeer: string }>;
    events: ExpectedEvent[];
    labelled: string[];
    speaker?: { args: string[]; flags?: string };
  };
}

function plannedEvent(type: EventSpec['type'], object: KubeObject) {
  return decodeChangeEvent(cloudEvent({ type, object }, 0));
}

const state = readYaml<KubeObject[]>('bgp-hosts/state.yaml');
const cases = readYaml<Case[]>('bgp-hosts/cases.yaml');

describe('bgp-hosts', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const { store, processor } = await newRuntime(state, [bgpHosts]);
    const results = await feed(processor, testCase.events);
    expect(results.map((r) => r.outcome)).toEqual(testCase.events.map(() => 'processed'));

    const advertisements = Object.fromEntries(
      store.list('metallb.io/BGPAdvertisement').map((adv) => [
        adv.metadata.name,
        {
          announcing: adv.metadata.annotations?.['acpnet.io/announcing-nodes'],
          withoutPeer: adv.metadata.annotations?.['acpnet.io/nodes-without-peer'],
        },
      ]),
    );
    expect(advertisements).toEqual(testCase.expect.advertisements);

    const events = store.list('/Event');
    const summary = (e: { type: unknown; reason: unknown; about: unknown }) =>
      `${e.type} ${e.reason} ${e.about}`;
    const about = (e: KubeObject) => (e['involvedObject'] as { name: string }).name;
    expect(
      events.map((e) => summary({ type: e['type'], reason: e['reason'], about: about(e) })).sort(),
    ).toEqual(testCase.expect.events.map(summary).sort());
    for (const want of testCase.expect.events) {
      const got = events.find(
        (e) => e['reason'] === want.reason && (e['involvedObject'] as { name: string }).name === want.about,
      );
      for (const part of want.message) expect(got?.['message']).toContain(part);
      expect(got?.metadata.name).toMatch(new RegExp(`^${want.about}\\.[0-9a-f]{16}$`));
    }

    const labelled = store
      .list('/Node')
      .filter((node) => node.metadata.labels?.['ovn.kubernetes.io/bgp'] === 'true')
      .map((node) => node.metadata.name);
    expect(labelled).toEqual(testCase.expect.labelled);

    if (testCase.expect.speaker) {
      const speaker = store.get('apps/DaemonSet', 'kube-system', 'kube-ovn-speaker');
      const spec = speaker?.spec as {
        template: { spec: { containers: { name: string; args: string[]; image: string }[] } };
      };
      const container = spec.template.spec.containers[0];
      expect(container?.args).toEqual(testCase.expect.speaker.args);
      expect(container?.image).toBe('docker.io/kubeovn/kube-ovn:v1.14.0');
      expect(speaker?.metadata.annotations?.['acpnet.io/speaker-flags']).toBe(testCase.expect.speaker.flags);
    }

    // Planned again on what the store now holds, every event's object changes nothing: the state
    // already holds what it implies (a standing Warning is planned again under the same name).
    const view = new ModelView(store);
    for (const event of testCase.events) {
      const { namespace = '', name = '' } = event.object.metadata;
      const current = store.get(groupKindOf(event.object), namespace, name);
      if (!current) continue;
      const planned = await bgpHosts.plan(
        { ...plannedEvent(event.type, current), object: current },
        view,
        offlineContext,
      );
      expect(await applyEffects(store, 'bgp-hosts', 'acpnet-bgp-hosts', planned)).toEqual([]);
      expect(planned.filter((effect) => effect.op !== 'createIfAbsent')).toEqual([]);
    }
  });
});
