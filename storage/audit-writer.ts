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

/** `browser.storage.session` when the browser has it (kept across service-worker restarts), memory otherwise. */
export function sessionStore(key = 'liangzhao.pendingAudits'): PendingStore {
  const area = browser.storage?.session;
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
 * Stores audits. A failed write (quota, a blocked upgrade, a closed database) is kept in a small queue, retried with
 * exponential backoff and reported through `status()`, so the popup can say what has not been saved yet.
 */
export function createAuditWriter(db: LiangzhaoDatabase, options: AuditWriterOptions = {}) {
  const store = options.store ?? memoryStore();
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const capacity = options.capacity ?? 50;
  const repeatWindowMs = options.repeatWindowMs ?? 10 * 60_000;

  let queue: StoredAudit[] = [];
  /** Start times of writes under way: one that takes long (a blocked upgrade waits) counts as pending. */
  const inFlight = new Set<{ startedAt: number }>();
  const stalledAfterMs = options.stalledAfterMs ?? 3_000;
  let dropped = 0;
  let lastError: string | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> | null = null;

  db.on('blocked', () => {
    lastError = 'blocked: another Liangzhao page holds the previous database version open';
  });

  async function write(audit: StoredAudit): Promise<number> {
    const entry = { startedAt: Date.now() };
    inFlight.add(entry);
    try {
      const previous = await repeatOf(audit);
      if (previous !== null) return previous;
      return (await db.audits.add(audit)) as number;
    } finally {
      inFlight.delete(entry);
    }
  }

  async function repeatOf(audit: StoredAudit): Promise<number | null> {
    if (audit.tabId === undefined) return null;
    const last = await db.audits
      .where('[url+auditedAtMs]')
      .between([audit.url, audit.auditedAtMs - repeatWindowMs], [audit.url, audit.auditedAtMs], true, true)
      .last();
    if (!last || last.id === undefined || last.tabId !== audit.tabId) return null;
    return auditSignature(last) === auditSignature(audit) ? last.id : null;
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
    if (timer !== null || queue.length === 0) return;
    const delay = Math.min(baseDelayMs * 2 ** attempt, maxDelayMs);
    attempt++;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  }

  /** Writes the queue in order; stops at the first failure and schedules the next try. */
  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        while (queue.length > 0) {
          try {
            await write(queue[0]);
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
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  return {
    async save(audit: StoredAudit): Promise<WriteReply> {
      // Keep the order: while older audits wait, a new one waits behind them.
      if (queue.length === 0) {
        try {
          return { auditId: await write(audit) };
        } catch (error) {
          lastError = messageOf(error);
        }
      }
      await enqueue(audit);
      schedule();
      return lastError ? { auditId: null, error: lastError } : { auditId: null };
    },
    /** Picks up audits a previous service worker left unsaved. */
    async restore(): Promise<void> {
      const saved = await store.load().catch(() => []);
      if (saved.length === 0) return;
      queue = [...saved, ...queue];
      schedule();
    },
    flush,
    /** Resolves when no retry is under way. */
    idle(): Promise<void> {
      return flushing ?? Promise.resolve();
    },
    status(): WriteStatus {
      const now = Date.now();
      const stalled = [...inFlight].filter((entry) => now - entry.startedAt >= stalledAfterMs).length;
      const pending = queue.length + stalled;
      return { pending, dropped, lastError: pending + dropped > 0 ? lastError : null };
    },
  };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
