import { loadManifests, type Manifest, type ManifestError } from '../shared/kube/manifests.js';
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

async function load(
  paths: readonly string[],
  io: CliIO,
): Promise<{ manifests: Manifest[]; errors: ManifestError[] }> {
  const stdin = paths.includes('-') ? await io.readStdin() : undefined;
  return loadManifests(paths, { stdin });
}

/**
 * `acpnet validate`: exit 0 all admitted, 1 any denied, 2 unusable input. Every input gets a
 * result: an unusable file is reported with its error while the readable ones are still judged,
 * and the report is always printed.
 */
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
  const state = values.state === undefined ? { manifests: [], errors: [] } : await load([values.state], io);
  const inputs = await load(positionals, io);
  for (const error of state.errors) io.stderr(`acpnet validate: --state: ${error.message}\n`);
  for (const error of inputs.errors) io.stderr(`acpnet validate: input: ${error.message}\n`);

  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  rules.registerIndexes(store);
  store.load(state.manifests.map((m) => withDefaultNamespace(m.object)));
  await store.start(rules.kindsToCache());
  // An incomplete state would judge the input against a cluster that is not the one described.
  const admissions =
    state.errors.length > 0 ? [] : await admitInOrder(inputs.manifests, store, rules, settings);
  await store.stop();

  for (const { manifest, result } of admissions) {
    for (const failure of result.failures) {
      const detail = failure.error instanceof Error ? failure.error.message : String(failure.error);
      io.stderr(`acpnet validate: ${manifest.source}: rule ${failure.rule} failed: ${detail}\n`);
    }
  }
  const unusable = [...state.errors, ...inputs.errors];
  if (admissions.length === 0 && unusable.length === 0)
    io.stderr('acpnet validate: no objects in the input\n');
  io.stdout(
    values.output === 'json'
      ? `${JSON.stringify(reportJson(admissions, unusable), null, 2)}\n`
      : reportText(admissions, unusable),
  );
  if (unusable.length > 0 || admissions.length === 0) return 2;
  return admissions.every((a) => a.result.allowed) ? 0 : 1;
}
