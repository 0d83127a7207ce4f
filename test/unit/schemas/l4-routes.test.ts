import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('TLSRoute, TCPRoute and UDPRoute schemas', () => {
  schemaCases('l4-routes.yaml');
});
