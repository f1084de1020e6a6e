const encoder = new TextEncoder();

/**
 * Collects text and bytes into a Blob, encoded as UTF-8 straight into one reusable buffer that becomes one Blob part
 * each time it fills. A Blob built from many small strings pays for every part (measured in Chromium: 0.7 s for 12 MB
 * written as 20,000 strings, against 0.3 s encoded into 1 MB buffers), and one Blob built at the end from megabytes
 * of strings encodes them all in a single long task, so the parts are made as the buffer fills, between the yields
 * of the work that produces them.
 */
export class BlobWriter {
  private buffer: Uint8Array<ArrayBuffer> | null = null;
  private used = 0;
  private readonly blobs: Blob[] = [];

  constructor(private readonly batchSize = 1024 * 1024) {}

  write(part: string | Uint8Array): void {
    if (typeof part === 'string') this.writeText(part);
    else this.writeBytes(part);
  }

  blob(type = ''): Blob {
    this.flush();
    return new Blob(this.blobs, { type });
  }

  private writeText(text: string): void {
    let rest = text;
    while (rest.length > 0) {
      const buffer = this.room();
      // encodeInto stops before a character that does not fit (never inside a surrogate pair): the rest goes on in
      // the next buffer.
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.flush();
    }
  }

  private writeBytes(bytes: Uint8Array): void {
    if (bytes.length >= this.batchSize) {
      this.flush();
      this.blobs.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      return;
    }
    if (this.used + bytes.length > this.batchSize) this.flush();
    this.room().set(bytes, this.used);
    this.used += bytes.length;
  }

  /** The buffer, with at least four bytes free (the longest UTF-8 character). */
  private room(): Uint8Array<ArrayBuffer> {
    if (this.buffer && this.batchSize - this.used < 4) this.flush();
    this.buffer ??= new Uint8Array(this.batchSize);
    return this.buffer;
  }

  private flush(): void {
    if (!this.buffer || this.used === 0) return;
    // The Blob copies the bytes, so the buffer is used again.
    this.blobs.push(new Blob([this.buffer.subarray(0, this.used)]));
    this.used = 0;
  }
}
