import { describe, expect, it } from '@jest/globals';
import { ruleCatalogue } from '../../../cli/rules-catalogue.js';
import { reportJson, reportMarkdown, reportText } from '../../../cli/rules-report.js';
import { SERVICE } from '../../../shared/kube/schemas/core.js';
import type { RuleFamily } from '../../../webhooks/rules/types.js';
import { widgetKind } from '../review/support/widgets.js';

const family: RuleFamily = {
  name: 'demo',
  reads: [],
  rules: [
    {
      id: 'demo/ports',
      kinds: [SERVICE, widgetKind],
      operations: ['CREATE', 'UPDATE', 'DELETE'],
      reasons: ['NodePortConflict', 'NodePortOutOfRange'],
      guide: '配置 MetalLB',
      check: () => [],
    },
    { id: 'demo/bare', kinds: [widgetKind], reasons: [], guide: '配置服务', check: () => [] },
  ],
  mutators: [{ id: 'demo/defaults', kinds: [widgetKind], guide: '配置子网', mutate: () => [] }],
};

const entries = ruleCatalogue([family]);

describe('the rule catalogue', () => {
  it('lists rules, then mutators, with the default operations made explicit', () => {
    expect(entries).toEqual([
      {
        id: 'demo/ports',
        type: 'validate',
        family: 'demo',
        kinds: ['Service', 'example.acpnet.io/Widget'],
        operations: ['CREATE', 'UPDATE', 'DELETE'],
        reasons: ['NodePortConflict', 'NodePortOutOfRange'],
        guide: '配置 MetalLB',
      },
      {
        id: 'demo/bare',
        type: 'validate',
        family: 'demo',
        kinds: ['example.acpnet.io/Widget'],
        operations: ['CREATE', 'UPDATE'],
        reasons: [],
        guide: '配置服务',
      },
      {
        id: 'demo/defaults',
        type: 'mutate',
        family: 'demo',
        kinds: ['example.acpnet.io/Widget'],
        operations: ['CREATE', 'UPDATE'],
        reasons: [],
        guide: '配置子网',
      },
    ]);
  });

  it('renders a table whose list cells take a line per item and an empty list shows -', () => {
    expect(reportText(entries)).toBe(
      [
        'ID             TYPE      FAMILY  KINDS                     OPERATIONS            REASONS             GUIDE',
        'demo/ports     validate  demo    Service                   CREATE,UPDATE,DELETE  NodePortConflict    配置 MetalLB',
        '                                 example.acpnet.io/Widget                        NodePortOutOfRange',
        'demo/bare      validate  demo    example.acpnet.io/Widget  CREATE,UPDATE         -                   配置服务',
        'demo/defaults  mutate    demo    example.acpnet.io/Widget  CREATE,UPDATE         -                   配置子网',
        '',
        '2 validation rules, 1 mutator',
        '',
      ].join('\n'),
    );
  });

  it('renders JSON as {"rules": [...]}', () => {
    expect(JSON.parse(reportJson(entries))).toEqual({ rules: entries });
  });

  it('renders Markdown with the rule table and every reason, naming the rules that declare it', () => {
    const markdown = reportMarkdown(entries);
    expect(markdown).toContain(
      '| `demo/ports` | validate | demo | Service, example.acpnet.io/Widget | CREATE, UPDATE, DELETE | `NodePortConflict`, `NodePortOutOfRange` | 配置 MetalLB |',
    );
    expect(markdown).toContain(
      '| `demo/bare` | validate | demo | example.acpnet.io/Widget | CREATE, UPDATE | - | 配置服务 |',
    );
    expect(markdown).toContain(
      '| `NodePortConflict` | The nodePort is already allocated to another Service. | `demo/ports` |',
    );
    expect(markdown).toMatch(/\n\| `MalformedObject` \| .+ \| - \|\n/);
  });
});
