import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('ClientTrafficPolicy and BackendTrafficPolicy schemas', () => {
  schemaCases('traffic-policies.yaml');
});
