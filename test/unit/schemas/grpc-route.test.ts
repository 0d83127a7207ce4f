import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('GRPCRoute schemas', () => {
  schemaCases('grpcroute.yaml');
});
