// The import-frame command: a good frame is loaded, a malformed one is refused with its lines and nothing changes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { importFrameCommand } from '../../../server/cli/import-frame.ts';
import { createDatabase } from '../../../server/storage/db/create-database.ts';
import { listAgencies } from '../../../server/storage/repositories/agencies.ts';

const scratch = mkdtempSync(join(tmpdir(), 'import-frame-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const header = 'code,name,type,province,island_region,headcount';

function frameFile(name: string, rows: string[]): string {
  const path = join(scratch, name);
  writeFileSync(path, [header, ...rows].join('\n') + '\n');
  return path;
}

async function storedCodes(databasePath: string): Promise<string[]> {
  const db = createDatabase({ dialect: 'sqlite', path: databasePath });
  try {
    return (await listAgencies(db)).map((a) => a.code);
  } finally {
    await db.destroy();
  }
}

describe('import-frame command', () => {
  it('loads every agency of a well-formed frame into the configured database', async () => {
    const database = join(scratch, 'good.db');
    const file = frameFile('good.csv', [
      'kab-sleman,Kabupaten Sleman,kabupaten,Daerah Istimewa Yogyakarta,Jawa-Bali,9000',
      'prov-jambi,Provinsi Jambi,provinsi,Jambi,Sumatera,7000',
    ]);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await importFrameCommand([file], { DATABASE_URL: database })).toBe(0);
    expect((await storedCodes(database)).sort()).toEqual(['kab-sleman', 'prov-jambi']);
  });

  it('refuses a malformed frame naming line and column, and imports none of it', async () => {
    const database = join(scratch, 'bad.db');
    const file = frameFile('bad.csv', [
      'kab-sleman,Kabupaten Sleman,kabupaten,Daerah Istimewa Yogyakarta,Jawa-Bali,9000',
      'kab-x,Kabupaten X,desa,Jambi,Sumatera,1200',
    ]);
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    expect(await importFrameCommand([file], { DATABASE_URL: database })).toBe(1);
    expect(errors.join('\n')).toMatch(/line 3, column 3 \(type\)/);
    expect(await storedCodes(database)).toEqual([]);
  });

  it('answers a missing file argument with its usage and exit code 2', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    expect(await importFrameCommand([], { DATABASE_URL: join(scratch, 'none.db') })).toBe(2);
    expect(errors.join('\n')).toMatch(/usage: npm run --silent import-frame/);
  });
});
