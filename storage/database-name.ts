/** The extension's one IndexedDB database (storage/db.ts declares its tables, storage/first-read.ts peeks in). */
export const DATABASE_NAME = 'liangzhao';
