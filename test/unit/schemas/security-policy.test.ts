import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('SecurityPolicy schemas', () => {
  schemaCases('securitypolicy.yaml');
});
