import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('EnvoyProxy schemas', () => {
  schemaCases('envoyproxy.yaml');
});
