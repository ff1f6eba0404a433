/**
 * Which QR codes in a camera frame are new. A chèque held in front of the camera is in every frame for
 * seconds: it is reported once, when it comes into view, and again only after it has been out of view
 * for `forgetAfterMs` (taken away, then presented again — e.g. a second time after its redemption).
 * Only codes seen within that delay are remembered, so the memory does not grow with the scans.
 */
export class Sightings {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly forgetAfterMs: number) {}

  /** Records the texts read in a frame at `now` (ms) and returns those not seen within the delay. */
  fresh(texts: readonly string[], now: number): string[] {
    for (const [text, seenAt] of this.lastSeen) {
      if (now - seenAt > this.forgetAfterMs) this.lastSeen.delete(text);
    }
    const fresh = [...new Set(texts)].filter((text) => !this.lastSeen.has(text));
    for (const text of texts) this.lastSeen.set(text, now);
    return fresh;
  }

  /** Still in view at `now`: handling a code may take longer than the delay, and it must not come back as new. */
  stillSeen(text: string, now: number): void {
    this.lastSeen.set(text, now);
  }

  /** The camera was stopped: whatever is presented next is new. */
  clear(): void {
    this.lastSeen.clear();
  }

  get size(): number {
    return this.lastSeen.size;
  }
}
