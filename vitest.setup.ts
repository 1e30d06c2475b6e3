// Every suite gets an in-memory IndexedDB (Dexie needs one; the node environment has none).
import 'fake-indexeddb/auto';
