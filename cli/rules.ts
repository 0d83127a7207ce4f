import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export const rulesHelp = `Usage: acpnet rules [--output text|json|markdown]

Lists every validation rule and mutator the webhook runs: its id, type (validate or mutate), family,
kinds (group/kind), operations, the reasons its findings can carry and the section of the platform's
networking guide it enforces. "-" (null in JSON) marks metadata a rule does not declare. The
markdown format is docs/rules.md, with what each reason means.

Flags:
  -o, --output FORMAT          text (default), json or markdown
  -h, --help                   show this help
`;

const formats = ['text', 'json', 'markdown'] as const;

function isFormat(value: string): value is (typeof formats)[number] {
  return formats.some((format) => format === value);
}

const flags = {
  output: { type: 'string', short: 'o', default: 'text' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `acpnet rules`: the rule catalogue; exit 0. */
export async function rulesCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('rules', args, flags);
  if (values.help) {
    io.stdout(rulesHelp);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'rules');
  const output = values.output;
  if (!isFormat(output)) {
    throw new UsageError(`--output must be text, json or markdown, got ${JSON.stringify(output)}`, 'rules');
  }
  // Loaded here so that help and usage errors answer without loading the rules.
  const [{ ruleFamilies }, { ruleCatalogue }, report] = await Promise.all([
    import('../webhooks/rules/index.js'),
    import('./rules-catalogue.js'),
    import('./rules-report.js'),
  ]);
  const entries = ruleCatalogue(ruleFamilies);
  const render = { text: report.reportText, json: report.reportJson, markdown: report.reportMarkdown };
  io.stdout(render[output](entries));
  return 0;
}
