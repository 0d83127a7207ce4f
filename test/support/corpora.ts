import { existsSync } from 'node:fs';
import path from 'node:path';
import { ENVOY_GATEWAY_CASES } from './envoy-gateway-cases.js';
import { goModuleDir } from './go-modules.js';

/**
 * The upstream corpora the corpus tests measure agreement against, read in place from pinned Go
 * modules (downloaded into the module cache on first use, never copied into the repository).
 */

const GATEWAY_API = { module: 'sigs.k8s.io/gateway-api', version: 'v1.6.1' };

/** The latest v1.9 release of Envoy Gateway, the release line of the translator data first compared. */
const ENVOY_GATEWAY = { module: 'github.com/envoyproxy/gateway', version: 'v1.9.1' };

function gatewayApiDir(): string {
  return goModuleDir(GATEWAY_API.module, GATEWAY_API.version);
}

/** Manifests that upstream accepts (`examples/`, standard and experimental). */
export function gatewayApiExamplesDir(): string {
  return path.join(gatewayApiDir(), 'examples');
}

/** Manifests that upstream's CRDs reject (`hack/invalid-examples/`). */
export function gatewayApiInvalidExamplesDir(): string {
  return path.join(gatewayApiDir(), 'hack', 'invalid-examples');
}

/** Envoy Gateway's translator test data: `NAME.in.yaml` inputs beside `NAME.out.yaml` results. */
export function envoyGatewayTranslatorDir(): string {
  return path.join(
    goModuleDir(ENVOY_GATEWAY.module, ENVOY_GATEWAY.version),
    'internal',
    'gatewayapi',
    'testdata',
  );
}

/** The selected translator cases, each checked to exist in the pinned module. */
export function envoyGatewayTranslatorCases(): readonly string[] {
  const dir = envoyGatewayTranslatorDir();
  const missing = ENVOY_GATEWAY_CASES.filter((name) => !existsSync(path.join(dir, `${name}.in.yaml`)));
  if (missing.length > 0)
    throw new Error(
      `${ENVOY_GATEWAY.module}@${ENVOY_GATEWAY.version} lacks translator cases: ${missing.join(', ')}`,
    );
  return ENVOY_GATEWAY_CASES;
}
