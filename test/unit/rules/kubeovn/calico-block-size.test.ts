import { describe, expect, it } from '@jest/globals';
import { calicoBlockSize } from '../../../../shared/kubeovn/subnet.js';

// The guide's "CIDR 与 blockSize 的动态匹配关系" table, row by row.
const table: [number, number][] = [
  [8, 26],
  [16, 26],
  [17, 27],
  [19, 27],
  [20, 28],
  [21, 29],
  [22, 30],
  [23, 30],
  [24, 30],
  [25, 30],
  [26, 31],
  [27, 31],
  [28, 31],
  [29, 31],
  [30, 31],
  [31, 31],
];

describe('Calico block size from the subnet prefix', () => {
  it.each(table)('/%d gets blocks of /%d', (prefix, blockSize) => {
    expect(calicoBlockSize(prefix)).toBe(blockSize);
  });
});
