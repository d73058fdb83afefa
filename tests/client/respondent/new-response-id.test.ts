// Tests the client response id: a v4 UUID even where crypto.randomUUID is unavailable.
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newResponseId, receiptCode } from '../../../client/respondent/new-response-id';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newResponseId', () => {
  it('uses randomUUID where the browser offers it', () => {
    expect(newResponseId()).toMatch(uuidV4);
  });

  it('builds a v4 UUID from random bytes on plain-http pages without randomUUID', () => {
    const insecure = { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } as Crypto;
    const ids = new Set(Array.from({ length: 200 }, () => newResponseId(insecure)));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(uuidV4);
  });

  it('makes the receipt from the first eight characters of the id', () => {
    expect(receiptCode('3b241101-e2bb-4255-8caf-4136c566a962')).toBe('3b241101');
  });
});
