import type { AddressAllocator } from './allocator.js';

/** Something whose allocators a transaction covers: one allocator, or a composite of them. */
export type Participant = AddressAllocator | { allocators(): Iterable<AddressAllocator> };

function allocatorsOf(participant: Participant): Iterable<AddressAllocator> {
  return 'allocators' in participant ? participant.allocators() : [participant];
}

/**
 * All or nothing over several allocators (the two families of a dual-stack Subnet, the Subnets of a
 * Pod's NICs): every change made to an enlisted allocator between begin and rollback is undone, in
 * reverse order, leaving each allocator exactly as it was, delayed-reuse order included.
 * Transactions over a shared allocator nest (a dual-stack allocation inside a multi-NIC one): the
 * inner one must close first, and what it commits is still undone if the outer one rolls back.
 */
export class Transaction {
  private readonly members: { allocator: AddressAllocator; depth: number }[] = [];
  private open = true;

  static begin(...participants: Participant[]): Transaction {
    const tx = new Transaction();
    try {
      for (const participant of participants) tx.enlist(participant);
    } catch (error) {
      tx.rollback();
      throw error;
    }
    return tx;
  }

  /** Adds allocators to the transaction; their changes from now on are undone by rollback. */
  enlist(participant: Participant): this {
    if (!this.open) throw new Error('the transaction is already closed');
    for (const allocator of allocatorsOf(participant)) {
      if (this.members.some((m) => m.allocator === allocator)) continue;
      this.members.push({ allocator, depth: allocator.openJournal() });
    }
    return this;
  }

  get isOpen(): boolean {
    return this.open;
  }

  commit(): void {
    this.close(true);
  }

  rollback(): void {
    this.close(false);
  }

  private close(commit: boolean): void {
    if (!this.open) throw new Error('the transaction is already closed');
    if (this.members.some(({ allocator, depth }) => allocator.journalDepth !== depth)) {
      throw new Error('transactions on one allocator must close innermost first');
    }
    this.open = false;
    for (const { allocator, depth } of this.members) allocator.closeJournal(depth, commit);
  }
}

/**
 * Runs `body` as one transaction over `participants`: commits when it returns `{ ok: true }`, rolls
 * back when it returns `{ ok: false }` or throws.
 */
export function atomically<R extends { ok: boolean }>(
  participants: readonly Participant[],
  body: (tx: Transaction) => R,
): R {
  const tx = Transaction.begin(...participants);
  let result: R;
  try {
    result = body(tx);
  } catch (error) {
    tx.rollback();
    throw error;
  }
  if (result.ok) tx.commit();
  else tx.rollback();
  return result;
}
