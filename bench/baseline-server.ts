// The submit benchmark's baseline: a bare Hono route that parses the JSON body and does one better-sqlite3 insert.
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const [portArg, databasePath] = process.argv.slice(2);
if (!portArg || !databasePath) throw new Error('usage: baseline-server.ts PORT DATABASE_PATH');

const db = new Database(databasePath);
// The durability the platform had before synchronous=FULL, compared with its NORMAL run like for
// like (a bare insert per request has no group commit to spread a FULL fsync over).
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS responses (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO responses (id, body) VALUES (?, ?)');

const app = new Hono().post('/api/studies/:study/responses', async (c) => {
  const body = await c.req.json<{ id: string }>();
  insert.run(body.id, JSON.stringify(body));
  return c.json({ id: body.id }, 201);
});

serve({ fetch: app.fetch, port: Number(portArg), hostname: '127.0.0.1' }, () => {
  console.log('ready');
});
