import { type ManifestError, streamManifests } from '../shared/kube/manifests.js';
import { MemoryStore } from '../shared/kube/memory-store.js';
import type { KubeObject } from '../shared/kube/object.js';
import { defaultRuleIndex } from '../webhooks/review/default-index.js';
import { type Admission, admitOne, reportedAdmission, withDefaultNamespace } from './admit-sequence.js';
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

/**
 * Loads the state into `store`, keeping of it only its objects until they are stored (at once: the
 * store numbers the objects without a resourceVersion above every one loaded); `-` is standard
 * input. Returns the problems of the state.
 */
async function loadState(file: string, store: MemoryStore, io: CliIO): Promise<ManifestError[]> {
  const stdin = file === '-' ? await io.readStdin() : undefined;
  const objects: KubeObject[] = [];
  const errors: ManifestError[] = [];
  for await (const item of streamManifests([file], { stdin })) {
    if (item.error) errors.push(item.error);
    else objects.push(withDefaultNamespace(item.manifest.object));
  }
  store.load(objects);
  return errors;
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
  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  rules.registerIndexes(store);
  const stateErrors = values.state === undefined ? [] : await loadState(values.state, store, io);
  await store.start(rules.kindsToCache());
  // Each object is admitted as it is read; only the store and what the report needs are kept.
  // An incomplete state would judge the input against a cluster that is not the one described.
  const admissions: Admission[] = [];
  const inputErrors: ManifestError[] = [];
  const stdin = positionals.includes('-') ? await io.readStdin() : undefined;
  for await (const item of streamManifests(positionals, { stdin })) {
    if (item.error) inputErrors.push(item.error);
    else if (stateErrors.length === 0)
      admissions.push(reportedAdmission(await admitOne(item.manifest, store, rules, settings)));
  }
  await store.stop();
  for (const error of stateErrors) io.stderr(`acpnet validate: --state: ${error.message}\n`);
  for (const error of inputErrors) io.stderr(`acpnet validate: input: ${error.message}\n`);

  for (const { manifest, result } of admissions) {
    for (const failure of result.failures) {
      const detail = failure.error instanceof Error ? failure.error.message : String(failure.error);
      io.stderr(`acpnet validate: ${manifest.source}: rule ${failure.rule} failed: ${detail}\n`);
    }
  }
  const unusable = [...stateErrors, ...inputErrors];
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
