import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('GatewayClass and ReferenceGrant schemas', () => {
  schemaCases('gatewayclass-referencegrant.yaml');
});
