import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('BackendTLSPolicy schemas', () => {
  schemaCases('backendtlspolicy.yaml');
});
