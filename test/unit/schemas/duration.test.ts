import { describe, expect, it } from '@jest/globals';
import { duration, durationMillis } from '../../../shared/kube/schemas/gateway-api/common.js';

describe('Gateway API durations', () => {
  it.each([
    ['0s', 0],
    ['500ms', 500],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m5s250ms', 65_250],
    ['99999s', 99_999_000],
  ])('%s is %d ms', (text, millis) => {
    expect(duration.safeParse(text).success).toBe(true);
    expect(durationMillis(text)).toBe(millis);
  });

  it.each(['', '1', '1d', '1.5s', '100000s', '1h1h1h1h1h', '-1s', ' 1s', '1S'])(
    '%j is not a duration',
    (text) => {
      expect(duration.safeParse(text).success).toBe(false);
    },
  );
});
