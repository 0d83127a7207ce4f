import { describe, expect, it } from '@jest/globals';
import { NAMESPACE } from '../../../shared/kube/schemas/core.js';
import type { EqualityIndexSpec, RangeIndexSpec } from '../../../shared/kube/store.js';
import { RuleIndex } from '../../../webhooks/review/rule-index.js';
import type { RuleFamily } from '../../../webhooks/rules/types.js';
import { widgetFamily, widgetKind } from './support/widgets.js';

describe('RuleIndex', () => {
  const index = new RuleIndex([widgetFamily]);

  it.each([
    ['CREATE', ['widgets/size', 'widgets/port-conflict', 'widgets/color', 'widgets/explode']],
    ['UPDATE', ['widgets/size', 'widgets/port-conflict', 'widgets/color', 'widgets/explode']],
    ['DELETE', ['widgets/protected']],
    ['CONNECT', []],
  ] as const)('finds the %s rules of a kind in registration order', (operation, ids) => {
    expect(index.rulesFor(widgetKind.groupKind, operation).map((r) => r.id)).toEqual(ids);
  });

  it('finds mutators by kind and operation', () => {
    expect(index.mutatorsFor(widgetKind.groupKind, 'CREATE').map((m) => m.id)).toEqual([
      'widgets/default-size',
      'widgets/size-label',
    ]);
    expect(index.mutatorsFor(widgetKind.groupKind, 'DELETE')).toEqual([]);
  });

  it('has nothing for a kind no family covers', () => {
    expect(index.covers('example.acpnet.io/Gadget')).toBe(false);
    expect(index.rulesFor('example.acpnet.io/Gadget', 'CREATE')).toEqual([]);
  });

  it('lists the kinds the store must cache', () => {
    const reader: RuleFamily = { name: 'reader', rules: [], mutators: [], reads: [NAMESPACE] };
    expect(new RuleIndex([widgetFamily, reader]).kindsToCache()).toEqual([
      '/Namespace',
      widgetKind.groupKind,
    ]);
  });

  it('refuses a rule id registered twice', () => {
    expect(() => new RuleIndex([widgetFamily, { ...widgetFamily, name: 'again' }])).toThrow(
      'rule id widgets/size is registered twice',
    );
  });

  it('registers every index once into the store', () => {
    const range: RangeIndexSpec = { kind: widgetKind.groupKind, name: 'cidr', ranges: () => [] };
    const other: RuleFamily = {
      name: 'other',
      rules: [],
      mutators: [],
      reads: [],
      equalityIndexes: widgetFamily.equalityIndexes,
      rangeIndexes: [range],
    };
    const equality: EqualityIndexSpec[] = [];
    const ranges: RangeIndexSpec[] = [];
    new RuleIndex([widgetFamily, other]).registerIndexes({
      addEqualityIndex: (spec) => equality.push(spec),
      addRangeIndex: (spec) => ranges.push(spec),
    });
    expect(equality.map((s) => s.name)).toEqual(['port']);
    expect(ranges).toEqual([range]);
  });
});
