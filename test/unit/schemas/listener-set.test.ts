import { describe } from '@jest/globals';
import { schemaCases } from './support/run-cases.js';

describe('ListenerSet schemas', () => {
  schemaCases('listenerset.yaml');
});
