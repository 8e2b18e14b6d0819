import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The data of a local register: a Map by national id, kept in memory for fast lookups and, when a
 * file is given, persisted as JSON lines. Writes append (a 10,000-record chunk is one append); the
 * last line for an id wins on load. The file is rewritten compactly when it has grown to more than
 * twice the live records, or when loading found duplicates or a torn last line (a crash mid-append).
 */
export interface Keyed {
  nationalId: string;
}

/** Compacting a small file is not worth the rewrite; below this many stale lines, just append. */
const MIN_STALE_LINES_BEFORE_COMPACTION = 10_000;

export class RecordStore<T extends Keyed> {
  private readonly records = new Map<string, T>();
  private linesInFile = 0;
  // File operations run one after another so that appends never interleave with a rewrite.
  private fileQueue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string | undefined,
    private readonly parse: (value: unknown) => T | null,
  ) {}

  /**
   * Opens the store; `file` undefined keeps it in memory only. `parse` turns a stored line back into
   * a record, or null for a line that cannot be trusted (skipped, and dropped by the next rewrite).
   */
  static async open<T extends Keyed>(file: string | undefined, parse: (value: unknown) => T | null): Promise<RecordStore<T>> {
    const store = new RecordStore<T>(file, parse);
    if (file) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const clean = await store.load(file);
      if (!clean || store.linesInFile > store.records.size) {
        await store.enqueue(() => store.rewrite(file));
      }
    }
    return store;
  }

  get size(): number {
    return this.records.size;
  }

  get(nationalId: string): T | undefined {
    return this.records.get(nationalId);
  }

  /** Inserts or replaces records by national id; resolves when they are on disk (if persisted). */
  async upsert(records: readonly T[]): Promise<void> {
    for (const record of records) {
      this.records.set(record.nationalId, record);
    }
    const file = this.file;
    if (!file || records.length === 0) {
      return;
    }
    const lines = records.map((record) => JSON.stringify(record)).join('\n') + '\n';
    await this.enqueue(async () => {
      await fs.appendFile(file, lines, 'utf8');
      this.linesInFile += records.length;
      if (this.linesInFile - this.records.size > Math.max(this.records.size, MIN_STALE_LINES_BEFORE_COMPACTION)) {
        await this.rewrite(file);
      }
    });
  }

  /** Waits for pending file writes, so that a restart right after sees everything. */
  async flush(): Promise<void> {
    await this.fileQueue;
  }

  /**
   * Returns false when a line could not be read back (torn or foreign) or the file does not end
   * with a newline (the next append would glue onto it), so the file needs a rewrite. Splits the
   * stream by hand: readline is slower by half on a benchmark-sized file.
   */
  private async load(file: string): Promise<boolean> {
    let clean = true;
    const take = (line: string) => {
      if (line.trim() === '') {
        return;
      }
      this.linesInFile++;
      let record: T | null = null;
      try {
        record = this.parse(JSON.parse(line));
      } catch {
        record = null;
      }
      if (record) {
        this.records.set(record.nationalId, record);
      } else {
        clean = false;
      }
    };
    let rest = '';
    try {
      for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) {
        const lines = (rest + (chunk as string)).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(take);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return true;
      }
      throw error;
    }
    if (rest !== '') {
      take(rest);
      clean = false;
    }
    return clean;
  }

  /** Writes the live records to a temporary file and renames it over the old one (atomic on POSIX). */
  private async rewrite(file: string): Promise<void> {
    const temporary = `${file}.${process.pid}.tmp`;
    const handle = await fs.open(temporary, 'w');
    try {
      let batch: string[] = [];
      for (const record of this.records.values()) {
        batch.push(JSON.stringify(record));
        if (batch.length === 10_000) {
          await handle.write(batch.join('\n') + '\n');
          batch = [];
        }
      }
      if (batch.length > 0) {
        await handle.write(batch.join('\n') + '\n');
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
    this.linesInFile = this.records.size;
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const result = this.fileQueue.then(operation);
    // A failed write fails its own request, but must not block the writes queued after it.
    this.fileQueue = result.catch(() => undefined);
    return result;
  }
}
