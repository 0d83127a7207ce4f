import { loadManifests, type Manifest } from '../shared/kube/manifests.js';
import { MemoryStore } from '../shared/kube/memory-store.js';
import { defaultRuleIndex } from '../webhooks/review/default-index.js';
import { admitInOrder, withDefaultNamespace } from './admit-sequence.js';
import { parseCommandArgs } from './args.js';
import type { CliIO } from './io.js';
import { admissionOptions, admissionSettings } from './settings.js';
import { UsageError, validateHelp } from './usage.js';
import { reportJson, reportText } from './validate-report.js';

const options = {
  output: { type: 'string', short: 'o', default: 'text' },
  state: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...admissionOptions,
} as const;

/** Loads inputs, printing every problem; undefined when any input is unusable. */
async function load(paths: readonly string[], io: CliIO, what: string): Promise<Manifest[] | undefined> {
  const stdin = paths.includes('-') ? await io.readStdin() : undefined;
  const { manifests, errors } = await loadManifests(paths, { stdin });
  for (const error of errors) io.stderr(`acpnet validate: ${what}: ${error.message}\n`);
  return errors.length > 0 ? undefined : manifests;
}

/** `acpnet validate`: exit 0 all admitted, 1 any denied, 2 unusable input. */
export async function validateCommand(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, options);
  if (values.help) {
    io.stdout(validateHelp);
    return 0;
  }
  if (values.output !== 'text' && values.output !== 'json') {
    throw new UsageError(`--output must be text or json, got ${JSON.stringify(values.output)}`, 'validate');
  }
  if (positionals.length === 0) {
    throw new UsageError('no input: give files, directories, or - for standard input', 'validate');
  }
  const settings = admissionSettings(values);
  const state = values.state === undefined ? [] : await load([values.state], io, '--state');
  const inputs = await load(positionals, io, 'input');
  if (!state || !inputs) return 2;

  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  rules.registerIndexes(store);
  store.load(state.map((m) => withDefaultNamespace(m.object)));
  await store.start(rules.kindsToCache());
  const admissions = await admitInOrder(inputs, store, rules, settings);
  await store.stop();

  for (const { manifest, result } of admissions) {
    for (const failure of result.failures) {
      const detail = failure.error instanceof Error ? failure.error.message : String(failure.error);
      io.stderr(`acpnet validate: ${manifest.source}: rule ${failure.rule} failed: ${detail}\n`);
    }
  }
  io.stdout(
    values.output === 'json'
      ? `${JSON.stringify(reportJson(admissions), null, 2)}\n`
      : reportText(admissions),
  );
  return admissions.every((a) => a.result.allowed) ? 0 : 1;
}
