import { Document, isScalar, visit } from 'yaml';
import { type BackendsByInstance, backendsOf, familyOf, normalizeBackends } from './backends.js';
import type { KeepalivedTemplate } from './read-template.js';
import type { KeepalivedInstance, KeepalivedPort } from './schema.js';

const HEADER =
  ' alive.yaml rendered by acpnet from a keepalived template; it is rewritten whole, so edits here are lost.';

function portBody(port: KeepalivedPort): Record<string, unknown> {
  const body: Record<string, unknown> = { port: port.port };
  if (port.virtual_server_config !== undefined) body['virtual_server_config'] = port.virtual_server_config;
  if (port.raw_check !== undefined) body['raw_check'] = port.raw_check;
  return body;
}

/** The instance's fields in alive.yaml's order, `alb` replaced by the backends it stands for. */
function instanceBody(instance: KeepalivedInstance, backends: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = { vip: instance.vip };
  for (const key of [
    'id',
    'interface',
    'check_interval',
    'check_timeout',
    'name',
    'peer',
    'kube_lock',
  ] as const) {
    if (instance[key] !== undefined) body[key] = instance[key];
  }
  if (instance.ipvs !== undefined || instance.alb !== undefined || backends.length > 0) {
    const family = familyOf(instance.vip);
    const ipvs: Record<string, unknown> = {
      ips: family === undefined ? [] : normalizeBackends(backends, family),
    };
    if (instance.ipvs?.ports !== undefined) ipvs['ports'] = instance.ipvs.ports.map(portBody);
    body['ipvs'] = ipvs;
  }
  return body;
}

/**
 * alive.yaml as the platform's keepalived image reads it (the guide's example is the reference):
 * `instances`, each written nested (`- vip: {vip: ..., id: ..., ...}`), keys in the guide's order,
 * `ipvs.ips` the full backend set of the instance (given for it, else the template's own list) in
 * address order. The same template and backends always give the same text.
 */
export function renderAliveYaml(template: KeepalivedTemplate, backends?: BackendsByInstance): string {
  const instances = template.instances.map(({ instance }) => ({
    vip: instanceBody(instance, backendsOf(instance, backends)),
  }));
  const doc = new Document({ instances });
  doc.commentBefore = HEADER;
  // keepalived.conf fragments stay literal blocks, line for line as written.
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n'))
        node.type = 'BLOCK_LITERAL';
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
