import { describe, expect, it } from '@jest/globals';
import { elbAutocreateProblems } from '../../../../webhooks/rules/service/lib/elb-autocreate.js';

describe('kubernetes.io/elb.autocreate', () => {
  it.each([
    '{}',
    '{"type":"inner"}',
    '{"type":"public","bandwidth_name":"bw","bandwidth_chargemode":"traffic","bandwidth_size":10,"bandwidth_sharetype":"PER","eip_type":"5_bgp"}',
    '{"type":"public","available_zone":["cn-north-4b","cn-north-4c"],"l7_flavor_name":"L7_flavor.elb.s1.small"}',
  ])('%s is accepted', (text) => {
    expect(elbAutocreateProblems(text)).toEqual([]);
  });

  it.each([
    ['', 'is not one JSON object'],
    ['{"type": "public"', 'is not one JSON object'],
    ['{"type":"public"}, {"l4_flavor_name":"x"}', 'merge them into one'],
    ['null', 'must be a JSON object'],
    ['"public"', 'must be a JSON object'],
    ['{"type":"PUBLIC"}', 'type "PUBLIC"'],
    ['{"bandwidth_sharetype":"per"}', 'bandwidth_sharetype "per"'],
    ['{"bandwidth_size":"10"}', 'bandwidth_size'],
    ['{"bandwidth_size":2.5}', 'bandwidth_size'],
    ['{"name":["a"]}', 'name must be a string'],
    ['{"available_zone":[1]}', 'available_zone'],
  ])('%p is refused with %p', (text, message) => {
    const problems = elbAutocreateProblems(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});
