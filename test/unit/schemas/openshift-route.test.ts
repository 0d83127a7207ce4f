import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('OpenShift Route schema', () => {
  schemaCases('openshift-route.yaml');
});
