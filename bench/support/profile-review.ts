/**
 * The webhook review path without HTTP: one 16-listener Gateway reviewed in-process against the
 * benchmark fleet, timed per stage. For a CPU profile run it through
 * `npx tsx --cpu-prof --cpu-prof-dir=<dir outside the repo> bench/support/profile-review.ts`.
 */
import { MemoryStore } from '../../shared/kube/memory-store.js';
import { validateSchema } from '../../shared/kube/registry.js';
import { parseCidr } from '../../shared/net/cidr.js';
import { defaultRuleIndex } from '../../webhooks/review/default-index.js';
import { reviewObject } from '../../webhooks/review/engine.js';
import type { AdmissionSettings } from '../../webhooks/rules/types.js';
import { fleet, gateway } from './fleet.js';

const iterations = Number(process.env.PROFILE_ITERATIONS ?? 3_000);
const settings: AdmissionSettings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date(),
};

function timed(label: string, run: () => unknown): void {
  for (let i = 0; i < Math.min(200, iterations); i++) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / iterations;
  console.log(`${label.padEnd(10)} ${ms.toFixed(3)} ms per review`);
}

const rules = defaultRuleIndex();
const store = new MemoryStore();
rules.registerIndexes(store);
store.load(fleet({ gateways: 5_000, routes: 20_000, namespaces: 500 }));
await store.start(rules.kindsToCache());
const object = gateway('bench-edge', 'team-7', 16, 'bench.example.com');

timed('schema', () => validateSchema(object));
const review = () => reviewObject({ operation: 'CREATE', object, view: store, settings }, { rules });
for (let i = 0; i < Math.min(200, iterations); i++) await review();
const started = process.hrtime.bigint();
let allowed = true;
for (let i = 0; i < iterations; i++) allowed = (await review()).allowed && allowed;
const ms = Number(process.hrtime.bigint() - started) / 1e6 / iterations;
console.log(`${'review'.padEnd(10)} ${ms.toFixed(3)} ms per review (all allowed: ${allowed})`);
