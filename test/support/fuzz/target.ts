import type fc from 'fast-check';

/** What a target may answer: every other answer, and every exception, is a crash. */
export class FuzzCrash extends Error {}

/** One way into acpnet that the fuzzer drives: its inputs, and how it answered one of them. */
export interface FuzzTarget<Input> {
  name: string;
  inputs: fc.Arbitrary<Input>;
  /** Runs one input; resolves with the outcome's label, throws FuzzCrash for a forbidden answer. */
  run(input: Input): Promise<string>;
  /** A short description of an input for a failure report. */
  describe(input: Input): string;
  close(): Promise<void>;
}

/** The first characters of a text, for reports. */
export function excerpt(text: string | Buffer, length = 160): string {
  const value = typeof text === 'string' ? text : text.toString('utf8');
  return JSON.stringify(value.length > length ? `${value.slice(0, length)}…(${value.length} chars)` : value);
}
