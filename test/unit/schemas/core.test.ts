import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('core kind schemas (Service, Secret, ConfigMap, Namespace)', () => {
  schemaCases('core.yaml');
});
