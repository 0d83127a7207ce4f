import type { RuleFamily } from '../../../../webhooks/rules/types.js';
import { looseKind } from '../../../support/loose-kind.js';

const SLOW = looseKind('example.acpnet.io', 'Slow');

/** A rule that holds every review of `example.acpnet.io/Slow` until released: for shutdown draining. */
export function slowFamily() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let entered: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const family: RuleFamily = {
    name: 'slow',
    reads: [],
    mutators: [],
    rules: [
      {
        id: 'slow/wait',
        kinds: [SLOW],
        reasons: [],
        guide: 'none: a rule of the tests',
        check: async () => {
          entered();
          await released;
          return [];
        },
      },
    ],
  };
  return { family, release, started };
}
