export interface PartitionQueuesOptions<T> {
  /** Partitions handled at once. */
  concurrency: number;
  /** Handles one item; items of one partition are handed over one at a time, in order. */
  handle: (item: T) => Promise<void>;
  /** Queued items above which `push` asks the caller to pause (default 1,000). */
  highWater?: number;
}

/**
 * Items of many partitions, handled in order within a partition and concurrently across up to
 * `concurrency` partitions: the consumer side of a Kafka client that delivers one stream of records.
 */
export class PartitionQueues<T> {
  private readonly queues = new Map<number, T[]>();
  private readonly ready: number[] = [];
  private readonly busy = new Set<number>();
  private readonly active = new Set<Promise<void>>();
  private queued = 0;
  private stopped = false;
  private drained: () => void = () => {};

  constructor(private readonly options: PartitionQueuesOptions<T>) {}

  /** Queues an item; false when the caller should pause until `onDrain` fires. */
  push(partition: number, item: T): boolean {
    if (this.stopped) return false;
    let queue = this.queues.get(partition);
    if (!queue) {
      queue = [];
      this.queues.set(partition, queue);
    }
    queue.push(item);
    this.queued++;
    if (!this.busy.has(partition) && queue.length === 1) this.ready.push(partition);
    this.schedule();
    return this.queued < (this.options.highWater ?? 1000);
  }

  /** Items of a partition not yet handled, the one being handled included. */
  remaining(partition: number): number {
    return this.queues.get(partition)?.length ?? 0;
  }

  onDrain(listener: () => void): void {
    this.drained = listener;
  }

  /** Drops what has not started and resolves once the items being handled are done. */
  async idle(): Promise<void> {
    this.stopped = true;
    this.queues.clear();
    this.ready.length = 0;
    this.queued = 0;
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  private schedule(): void {
    while (!this.stopped && this.busy.size < this.options.concurrency && this.ready.length > 0) {
      const partition = this.ready.shift()!;
      this.busy.add(partition);
      const work = this.drain(partition).finally(() => {
        this.active.delete(work);
        this.busy.delete(partition);
        if ((this.queues.get(partition)?.length ?? 0) > 0) this.ready.push(partition);
        this.schedule();
      });
      this.active.add(work);
    }
  }

  /** Handles a partition's items until its queue is empty; a failure stops the partition. */
  private async drain(partition: number): Promise<void> {
    const queue = this.queues.get(partition);
    while (!this.stopped && queue && queue.length > 0) {
      const item = queue[0]!;
      try {
        await this.options.handle(item);
      } catch {
        return;
      }
      queue.shift();
      this.queued--;
      if (this.queued === (this.options.highWater ?? 1000) - 1) this.drained();
    }
  }
}
