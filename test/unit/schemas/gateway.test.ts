import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('Gateway schema', () => {
  schemaCases('gateway.yaml');
});
