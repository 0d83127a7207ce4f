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

/** Settings the admission rules read, from the command's flags; a bad --service-cidr is a usage error. */
export function admissionSettings(values: AdmissionFlagValues): AdmissionSettings {
  const serviceCidr = values['service-cidr'] ?? admissionOptions['service-cidr'].default;
  try {
    parseDualStackCidrs(serviceCidr);
  } catch (error) {
    throw new UsageError(`--service-cidr: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    serviceCidr,
    platformNamespace: values['platform-namespace'] ?? admissionOptions['platform-namespace'].default,
    metallbNamespace: values['metallb-namespace'] ?? admissionOptions['metallb-namespace'].default,
    now: () => new Date(),
  };
}
