/**
 * Collects text and bytes into a Blob in batches. A Blob made of many small Blobs costs nothing to assemble,
 * whereas one Blob made at the end from megabytes of strings encodes them all in a single long task (measured:
 * 0.4 s for a 25 MB JSON export), so each batch is turned into a Blob as it fills, between the yields of the work
 * that produces it.
 */
export class BlobWriter {
  private pending: Array<string | Uint8Array<ArrayBuffer>> = [];
  private pendingSize = 0;
  private readonly blobs: Blob[] = [];

  constructor(private readonly batchSize = 256 * 1024) {}

  write(part: string | Uint8Array): void {
    this.pending.push(part as string | Uint8Array<ArrayBuffer>);
    this.pendingSize += part.length;
    if (this.pendingSize >= this.batchSize) this.flush();
  }

  blob(type = ''): Blob {
    this.flush();
    return new Blob(this.blobs, { type });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.pendingSize = 0;
  }
}
