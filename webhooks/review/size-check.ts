import type { KubeObject } from '../../shared/kube/object.js';
import {
  DATA_LIMIT,
  dataSize,
  describeExcess,
  formatMebibytes,
  jsonSize,
  REQUEST_BODY_LIMIT,
  STORED_OBJECT_LIMIT,
} from '../../shared/kube/sizes.js';
import { deny } from '../rules/findings.js';
import type { Finding } from '../rules/types.js';

/**
 * Denials for an object the API server would refuse for its size: over the request body limit,
 * over what etcd stores, or (ConfigMap, Secret) over the data limit. The JSON is measured once, and
 * the walk stops past the largest limit, so a 50 MB object costs no more than 3 MiB of counting.
 * `sizeBound`, when known, is an upper bound of the object's JSON size (the length of the request
 * body that carried it: valid JSON escapes at least what JSON.stringify does); under every limit,
 * nothing needs counting.
 */
export function sizeViolations(object: KubeObject, sizeBound?: number): Finding[] {
  if (sizeBound !== undefined && sizeBound <= Math.min(STORED_OBJECT_LIMIT, DATA_LIMIT)) return [];
  const findings: Finding[] = [];
  const size = jsonSize(object, REQUEST_BODY_LIMIT);
  if (size > REQUEST_BODY_LIMIT) {
    const limit = formatMebibytes(REQUEST_BODY_LIMIT);
    findings.push(
      deny(
        'size',
        '',
        `object is more than ${limit}; the API server accepts request bodies of at most ${limit}`,
      ),
    );
  } else if (size > STORED_OBJECT_LIMIT) {
    const excess = describeExcess(size, STORED_OBJECT_LIMIT);
    findings.push(
      deny('size', '', `object is ${excess.size}; the API server stores at most ${excess.limit} per object`),
    );
  }
  const data = dataSize(object);
  if (data !== undefined && data > DATA_LIMIT) {
    const excess = describeExcess(data, DATA_LIMIT);
    findings.push(
      deny(
        'size',
        'data',
        `${object.kind} data is ${excess.size}; the API server accepts at most ${excess.limit} of data per ${object.kind}`,
      ),
    );
  }
  return findings;
}
