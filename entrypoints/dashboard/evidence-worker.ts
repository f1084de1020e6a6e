// The dashboard's evidence worker: exports, imports and verifications run here, off the page's thread
// (evidence/task-worker.ts). It opens the same database as the page.
import { LiangzhaoDatabase } from '@/storage/db';
import { serveEvidenceTasks, type TaskPort } from '@/evidence/task-worker';

serveEvidenceTasks(self as unknown as TaskPort, new LiangzhaoDatabase());
