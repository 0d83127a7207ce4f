import type { Cidr } from '../shared/net/cidr.js';
import { NetParseError } from '../shared/net/errors.js';
import { parseDualStackCidrs } from '../shared/net/syntax.js';
import type { AdmissionSettings } from '../webhooks/rules/types.js';
import { UsageError } from './usage.js';

export const admissionOptions = {
  'service-cidr': { type: 'string', default: '10.96.0.0/12' },
  'platform-namespace': { type: 'string', default: 'cpaas-system' },
  'metallb-namespace': { type: 'string', default: 'metallb-system' },
} as const;

export interface AdmissionFlagValues {
  'service-cidr'?: string;
  'platform-namespace'?: string;
  'metallb-namespace'?: string;
}

/** `--service-cidr`: one CIDR, or two of different families; a bad token is a usage error naming it. */
export function parseServiceCidrs(text: string): Cidr[] {
  try {
    return parseDualStackCidrs(text);
  } catch (error) {
    if (error instanceof NetParseError) throw new UsageError(`--service-cidr: ${error.message}`);
    throw error;
  }
}

/** Settings the admission rules read, parsed once from the command's flags. */
export function admissionSettings(values: AdmissionFlagValues): AdmissionSettings {
  return {
    serviceCidrs: parseServiceCidrs(values['service-cidr'] ?? admissionOptions['service-cidr'].default),
    platformNamespace: values['platform-namespace'] ?? admissionOptions['platform-namespace'].default,
    metallbNamespace: values['metallb-namespace'] ?? admissionOptions['metallb-namespace'].default,
    now: () => new Date(),
  };
}
