/**
 * Runs items through `runBatch` in batches formed by the load itself: an item submitted while fewer
 * than `lanes` batches are running goes at once, alone; items submitted while every lane is busy wait
 * for the first lane to free up and go together. No timer: a quiet service adds no delay, a busy one
 * pays one round trip and one commit for many items (group commit).
 *
 * `runBatch` answers with one result per item, in the same order; if it throws, every item of that
 * batch is rejected with the error, and the other batches go on.
 */
export class NaturalBatcher<Item, Result> {
  private readonly waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;

  constructor(
    private readonly lanes: number,
    private readonly maxBatchSize: number,
    private readonly runBatch: (items: Item[]) => Promise<Result[]>,
  ) {
    if (!Number.isInteger(lanes) || lanes < 1) throw new RangeError(`lanes must be a positive integer, got ${lanes}`);
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1)
      throw new RangeError(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
  }

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  /** Batches running now (for tests and metrics). */
  get runningBatches(): number {
    return this.running;
  }

  private startBatches(): void {
    while (this.running < this.lanes && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatchSize);
      this.running++;
      void this.run(batch);
    }
  }

  private async run(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.runBatch(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error(`A batch of ${batch.length} items returned ${results.length} results`);
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.running--;
      this.startBatches();
    }
  }
}
