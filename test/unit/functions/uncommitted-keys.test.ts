import { describe, expect, it } from '@jest/globals';
import { UncommittedKeys } from '../../../functions/runtime/kafka/uncommitted-keys.js';

type Step =
  | { handled: [partition: number, key: string | null, offset: string] }
  | { committed: [partition: number, nextOffset: string] };

describe('UncommittedKeys', () => {
  it.each<[string, Step[], [partition: number, key: string | null, holds: boolean][]]>([
    ['holds a key handled since the last commit', [{ handled: [0, 'demo/a', '5'] }], [[0, 'demo/a', true]]],
    [
      'keeps partitions apart',
      [{ handled: [0, 'demo/a', '5'] }],
      [
        [1, 'demo/a', false],
        [0, 'demo/b', false],
      ],
    ],
    [
      'forgets what a commit covers',
      [{ handled: [0, 'demo/a', '5'] }, { committed: [0, '6'] }],
      [[0, 'demo/a', false]],
    ],
    [
      'keeps a record handled while the commit was on its way (at or after the committed offset)',
      [{ handled: [0, 'demo/a', '5'] }, { handled: [0, 'demo/b', '6'] }, { committed: [0, '6'] }],
      [
        [0, 'demo/a', false],
        [0, 'demo/b', true],
      ],
    ],
    [
      'moves a key to its newest record',
      [{ handled: [0, 'demo/a', '5'] }, { handled: [0, 'demo/a', '9'] }, { committed: [0, '6'] }],
      [[0, 'demo/a', true]],
    ],
    [
      'counts keyless records as one key',
      [{ handled: [0, null, '5'] }],
      [
        [0, null, true],
        [0, 'demo/a', false],
      ],
    ],
    [
      'orders offsets as numbers, not strings',
      [{ handled: [0, 'demo/a', '10'] }, { committed: [0, '9'] }],
      [[0, 'demo/a', true]],
    ],
    ['ignores a commit of a partition it never saw', [{ committed: [3, '100'] }], [[3, 'demo/a', false]]],
  ])('%s', (_name, steps, expected) => {
    const keys = new UncommittedKeys();
    for (const step of steps) {
      if ('handled' in step) keys.handled('events', ...step.handled);
      else keys.committed('events', ...step.committed);
    }
    expect(
      expected.map(([partition, key]) => [partition, key, keys.holds('events', partition, key)]),
    ).toEqual(expected);
  });
});
