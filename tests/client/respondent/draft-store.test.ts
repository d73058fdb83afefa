// Tests the autosaved draft: kept per link, restored as saved, dropped when unreadable.
import { describe, expect, it } from 'vitest';
import type { RespondentLink } from '../../../client/routes';
import { createDraftStore, draftKey, type Draft } from '../../../client/respondent/draft-store';
import { MemoryStorage } from '../memory-storage';

const sleman: RespondentLink = {
  study: 'netralitas-asn-2021',
  kind: 'agency',
  agency: 'kab-sleman',
};
const jambi: RespondentLink = {
  study: 'netralitas-asn-2021',
  kind: 'agency',
  agency: 'prov-jambi',
};
const draft: Draft = {
  responseId: '3b241101-e2bb-4255-8caf-4136c566a962',
  answers: { A4: 'perempuan', B2: ['kasn', 'bkn'] },
  pageNo: 2,
  submitting: false,
};

describe('createDraftStore', () => {
  it('restores exactly what was saved for the same link', () => {
    const storage = new MemoryStorage();
    createDraftStore(storage, sleman).save(draft);
    expect(createDraftStore(storage, sleman).load()).toEqual(draft);
  });

  it('keeps separate drafts for different agencies and for tokens', () => {
    const storage = new MemoryStorage();
    createDraftStore(storage, sleman).save(draft);
    expect(createDraftStore(storage, jambi).load()).toBeUndefined();
    const token: RespondentLink = { study: sleman.study, kind: 'token', token: 'kab-sleman' };
    expect(draftKey(token)).not.toBe(draftKey(sleman));
  });

  it('forgets the draft when cleared, leaving nothing else in storage', () => {
    const storage = new MemoryStorage();
    const drafts = createDraftStore(storage, sleman);
    drafts.save(draft);
    drafts.clear();
    expect(drafts.load()).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('drops a draft that is not valid JSON or lacks a proper response id', () => {
    const storage = new MemoryStorage();
    const drafts = createDraftStore(storage, sleman);
    storage.setItem(draftKey(sleman), '{not json');
    expect(drafts.load()).toBeUndefined();
    storage.setItem(draftKey(sleman), JSON.stringify({ ...draft, responseId: 'x' }));
    expect(drafts.load()).toBeUndefined();
    storage.setItem(draftKey(sleman), JSON.stringify({ ...draft, pageNo: -1 }));
    expect(drafts.load()).toBeUndefined();
    storage.setItem(draftKey(sleman), JSON.stringify({ ...draft, answers: [] }));
    expect(drafts.load()).toBeUndefined();
  });

  it('works without autosave when the browser forbids storage', () => {
    const drafts = createDraftStore(new MemoryStorage(true), sleman);
    expect(() => drafts.save(draft)).not.toThrow();
    expect(drafts.load()).toBeUndefined();
    expect(() => drafts.clear()).not.toThrow();
    expect(createDraftStore(undefined, sleman).load()).toBeUndefined();
  });
});

describe('draft expiry', () => {
  const hour = 60 * 60 * 1000;
  const clock = (start: number) => {
    let t = start;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('keeps an unsent draft for the set time and forgets it after, leaving nothing behind', () => {
    const storage = new MemoryStorage();
    const time = clock(1_000_000);
    const store = createDraftStore(storage, sleman, { maxAgeMs: 72 * hour, now: time.now });
    store.save(draft);
    time.advance(72 * hour);
    expect(store.load()).toEqual(draft);
    time.advance(1);
    expect(store.load()).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('counts from the last save, so a respondent still answering keeps the draft', () => {
    const storage = new MemoryStorage();
    const time = clock(0);
    const store = createDraftStore(storage, sleman, { maxAgeMs: 10 * hour, now: time.now });
    for (let i = 0; i < 5; i++) {
      store.save({ ...draft, pageNo: i });
      time.advance(9 * hour);
    }
    expect(store.load()?.pageNo).toBe(4);
  });

  it('keeps answers that are waiting to be sent however old they are', () => {
    const storage = new MemoryStorage();
    const time = clock(0);
    const store = createDraftStore(storage, sleman, { maxAgeMs: hour, now: time.now });
    store.save({ ...draft, submitting: true });
    time.advance(1_000 * hour);
    expect(store.load()).toEqual({ ...draft, submitting: true });
  });

  it('starts the clock for a draft saved before drafts expired', () => {
    const storage = new MemoryStorage();
    storage.setItem(draftKey(sleman), JSON.stringify(draft));
    const time = clock(5 * hour);
    const store = createDraftStore(storage, sleman, { maxAgeMs: hour, now: time.now });
    expect(store.load()).toEqual(draft);
    time.advance(hour + 1);
    expect(store.load()).toBeUndefined();
  });
});
