import type { Db } from '../client.js';
import type { InsertedDemoCounty } from './insert.js';

export interface DemoContext {
  db: Db;
  county: InsertedDemoCounty;
  seed: number;
  /** "Today" for the demo: the campaign is seeded relative to it, so `npm start` always looks live. */
  today: Date;
  /** Share of the townships whose election day has passed (default: the pilot township only). */
  townshipsVoted?: number;
}
