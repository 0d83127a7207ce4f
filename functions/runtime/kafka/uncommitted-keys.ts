/**
 * Per partition, the keys of the records handled since the partition's offsets were last committed,
 * with the offset of each key's record.
 *
 * Records not yet committed are delivered again after a crash. If two records of one key (one
 * object) were among them, the older one would be handled again after the newer one had been
 * applied, and would write its older state back before the newer record wrote the newer state
 * again: two effects no event asked for. The consumer therefore commits before it handles a record
 * whose key this window already holds, so that a redelivered record is always the newest of its
 * object that was handled, and handling it again changes nothing.
 */
export class UncommittedKeys {
  private readonly partitions = new Map<string, Map<string, bigint>>();

  /** A record without a key counts as the same key as every other keyless record. */
  private static keyOf(key: string | null): string {
    return key ?? '';
  }

  holds(topic: string, partition: number, key: string | null): boolean {
    return this.partitions.get(`${topic}/${partition}`)?.has(UncommittedKeys.keyOf(key)) ?? false;
  }

  handled(topic: string, partition: number, key: string | null, offset: string): void {
    const id = `${topic}/${partition}`;
    const keys = this.partitions.get(id) ?? new Map<string, bigint>();
    keys.set(UncommittedKeys.keyOf(key), BigInt(offset));
    this.partitions.set(id, keys);
  }

  /**
   * The partition's offsets were committed up to `nextOffset` (the next record to consume, as Kafka
   * commits them): records before it leave the window. Records handled while the commit was on its
   * way stay.
   */
  committed(topic: string, partition: number, nextOffset: string): void {
    const keys = this.partitions.get(`${topic}/${partition}`);
    if (!keys) return;
    const next = BigInt(nextOffset);
    for (const [key, offset] of keys) if (offset < next) keys.delete(key);
  }
}
