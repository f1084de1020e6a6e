import { browser } from 'wxt/browser';
import type { LiangzhaoDatabase, StoredAudit } from './db';

/** Where audits wait while the database refuses them; survives the service worker being stopped. */
export interface PendingStore {
  load(): Promise<StoredAudit[]>;
  save(audits: StoredAudit[]): Promise<void>;
}

export interface WriteStatus {
  /** Audits not in the database yet: waiting for a retry or being written. */
  pending: number;
  /** Audits given up because the waiting queue was full. */
  dropped: number;
  lastError: string | null;
}

/** `auditId` null with an `error`: not written yet, kept and retried (see `status()`). */
export interface WriteReply {
  auditId: number | null;
  error?: string;
}

export interface AuditWriterOptions {
  store?: PendingStore;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How many unsaved audits are kept; beyond it the oldest is dropped (and counted). */
  capacity?: number;
  /** An identical re-audit of the same page in the same tab within this window is not stored again. */
  repeatWindowMs?: number;
  /** A write still under way after this long is reported as pending. */
  stalledAfterMs?: number;
  /**
   * Asks to be woken after `delayMs` to retry (then call `flush()`). By default a timer; the service worker passes
   * an alarm, because a stopped worker's timers never fire.
   */
  wake?: (delayMs: number) => void;
}

export function memoryStore(): PendingStore {
  let saved: StoredAudit[] = [];
  return {
    load: async () => saved,
    save: async (audits) => {
      saved = audits;
    },
  };
}

/**
 * `browser.storage.local`: kept across service-worker restarts and, unlike `storage.session`, across a reload or
 * update of the extension. Memory where there is no storage.
 */
export function extensionStore(key = 'liangzhao.pendingAudits'): PendingStore {
  const area = browser.storage?.local;
  if (!area) return memoryStore();
  return {
    load: async () => ((await area.get(key))[key] as StoredAudit[] | undefined) ?? [],
    save: (audits) => area.set({ [key]: audits }),
  };
}

/** What makes two audits of one page the same finding; a new version of a terms page is never the same. */
export function auditSignature(audit: StoredAudit): string {
  const statuses = audit.result.results.map((r) => `${r.ruleId}:${r.status}`).join(',');
  const terms = audit.result.facts.termsDocument?.digest ?? '';
  return `${audit.url}|${audit.pageType}|${audit.score}|${audit.grade}|${statuses}|${terms}`;
}

/**
 * Stores audits. Each audit is put in the queue (and its store) before it is written, so one whose worker stopped
 * mid-write is written when the next worker starts; writing the same audit twice stores it once. A failed write
 * (quota, a blocked upgrade, a closed database) stays queued, is retried with exponential backoff and is reported
 * through `status()`, so the popup can say what has not been saved yet.
 */
export function createAuditWriter(db: LiangzhaoDatabase, options: AuditWriterOptions = {}) {
  const store = options.store ?? memoryStore();
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const capacity = options.capacity ?? 50;
  const repeatWindowMs = options.repeatWindowMs ?? 10 * 60_000;

  let queue: StoredAudit[] = [];
  /** Start times of writes under way: only one that takes long (a blocked upgrade waits) counts as pending. */
  const inFlight = new Map<StoredAudit, number>();
  const stalledAfterMs = options.stalledAfterMs ?? 3_000;
  const written = new WeakMap<StoredAudit, number>();
  let dropped = 0;
  let lastError: string | null = null;
  let attempt = 0;
  let armed = false;
  let flushing: Promise<void> | null = null;
  /** Audits a previous worker left in the store, merged in before anything is written. */
  let restored: Promise<void> = Promise.resolve();
  const wake = options.wake ?? ((delayMs: number) => void setTimeout(() => void flush(), delayMs));

  db.on('blocked', () => {
    lastError = 'blocked: another Liangzhao page holds the previous database version open';
  });

  async function write(audit: StoredAudit): Promise<number> {
    inFlight.set(audit, Date.now());
    try {
      const previous = await storedCopyOf(audit);
      if (previous !== null) return previous;
      return (await db.audits.add(audit)) as number;
    } finally {
      inFlight.delete(audit);
    }
  }

  /** The stored row that already says what `audit` says: the same audit written before, or an identical re-audit. */
  async function storedCopyOf(audit: StoredAudit): Promise<number | null> {
    const last = await db.audits
      .where('[url+auditedAtMs]')
      .between([audit.url, audit.auditedAtMs - repeatWindowMs], [audit.url, audit.auditedAtMs], true, true)
      .last();
    if (!last || last.id === undefined || auditSignature(last) !== auditSignature(audit)) return null;
    const sameAudit = last.auditedAtMs === audit.auditedAtMs && last.tabId === audit.tabId;
    const sameTab = audit.tabId !== undefined && last.tabId === audit.tabId;
    return sameAudit || sameTab ? last.id : null;
  }

  async function enqueue(audit: StoredAudit) {
    queue.push(audit);
    while (queue.length > capacity) {
      queue.shift();
      dropped++;
    }
    await persist();
  }

  async function persist() {
    try {
      await store.save(queue);
    } catch (error) {
      // The queue still lives in memory; say why it may not survive a restart.
      lastError = messageOf(error);
    }
  }

  function schedule() {
    if (armed || queue.length === 0) return;
    armed = true;
    const delay = Math.min(baseDelayMs * 2 ** attempt, maxDelayMs);
    attempt++;
    wake(delay);
  }

  /** Writes the queue in order; stops at the first failure and schedules the next try. */
  async function drain(): Promise<void> {
    await restored;
    armed = false;
    while (queue.length > 0) {
      const audit = queue[0];
      try {
        written.set(audit, await write(audit));
      } catch (error) {
        lastError = messageOf(error);
        schedule();
        return;
      }
      queue.shift();
      attempt = 0;
      await persist();
    }
    lastError = null;
  }

  function flush(): Promise<void> {
    flushing ??= drain().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  function replyFor(audit: StoredAudit): WriteReply {
    const auditId = written.get(audit);
    if (auditId !== undefined) return { auditId };
    return lastError ? { auditId: null, error: lastError } : { auditId: null };
  }

  return {
    async save(audit: StoredAudit): Promise<WriteReply> {
      await restored;
      await enqueue(audit);
      // Keep the order: while older audits wait for a retry the database asked for, a new one waits behind them.
      // Audits other reports are still queueing are no reason to wait: this one is written with them and answered.
      // A write under way may have passed this audit by (it was queued meanwhile): write again until it is taken.
      while (!armed && queue.includes(audit)) await flush();
      return replyFor(audit);
    },
    /** Picks up the audits a previous service worker left unsaved, and writes them. */
    restore(): Promise<void> {
      restored = store
        .load()
        .catch(() => [])
        .then((saved) => {
          queue = [...saved, ...queue];
        });
      return flush();
    },
    flush,
    /** Resolves when no retry is under way. */
    idle(): Promise<void> {
      return flushing ?? Promise.resolve();
    },
    status(): WriteStatus {
      const now = Date.now();
      const fresh = [...inFlight.values()].filter((startedAt) => now - startedAt < stalledAfterMs).length;
      const pending = queue.length - fresh;
      return { pending, dropped, lastError: pending + dropped > 0 ? lastError : null };
    },
  };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
