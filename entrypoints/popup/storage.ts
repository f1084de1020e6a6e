/**
 * The popup's database, loaded after its first render: Dexie, the live queries and the terms panel (which judges a
 * terms page against its stored versions with the engine) are most of the popup's code, and the first render reads
 * IndexedDB with its own calls (storage/first-read.ts).
 */
import { LiangzhaoDatabase } from '@/storage/db';
import { bindLiveQuery } from '@/storage/live';
import { loadTermsPanel } from './terms';

export interface PopupStorage {
  db: LiangzhaoDatabase;
  bindLiveQuery: typeof bindLiveQuery;
  loadTermsPanel: typeof loadTermsPanel;
}

export function openPopupStorage(db = new LiangzhaoDatabase()): PopupStorage {
  return { db, bindLiveQuery, loadTermsPanel };
}
