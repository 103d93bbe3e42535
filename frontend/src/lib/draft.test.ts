import { describe, expect, it } from 'vitest';
import { clearDraft, DRAFT_KEY, emptyDraft, fingerprint, idempotencyKeyFor, isBlank, loadDraft, saveDraft } from './draft';
import { memoryStore } from './storage';
import { toSubmission } from './submission';

describe('draft storage', () => {
  it('keeps and restores the fields, and clears them', () => {
    const store = memoryStore();
    expect(loadDraft(store)).toBeNull();
    const fields = { ...emptyDraft(), subject: 'Izin belum terbit', name: 'Wayan' };
    saveDraft(store, fields);
    expect(loadDraft(store)?.fields).toEqual(fields);
    clearDraft(store);
    expect(loadDraft(store)).toBeNull();
  });

  it('survives a corrupt or older stored draft', () => {
    const store = memoryStore();
    store.setItem(DRAFT_KEY, '{not json');
    expect(loadDraft(store)).toBeNull();
    store.setItem(DRAFT_KEY, JSON.stringify({ fields: { subject: 'lama' }, savedAt: '' }));
    expect(loadDraft(store)?.fields).toEqual({ ...emptyDraft(), subject: 'lama' });
  });

  it('knows a blank form', () => {
    expect(isBlank(emptyDraft())).toBe(true);
    expect(isBlank({ ...emptyDraft(), subject: 'x' })).toBe(false);
  });
});

describe('idempotency key per draft', () => {
  const fields = { ...emptyDraft(), category_id: 'c1', subject: 'Antrean lama', description: 'Menunggu dua jam di loket.' };
  const files = [{ name: 'bukti.jpg', size: 1234, lastModified: 1 }];

  it('reuses the key when the same content is sent again (a retry)', () => {
    const store = memoryStore();
    const print = fingerprint(toSubmission(fields), files);
    const first = idempotencyKeyFor(store, fields, print);
    const again = idempotencyKeyFor(store, fields, print);
    expect(again).toBe(first);
    // Even after a reload: the key is stored with the draft.
    saveDraft(store, fields);
    expect(idempotencyKeyFor(store, fields, print)).toBe(first);
  });

  it('takes a new key when the content or the files change', () => {
    const store = memoryStore();
    const first = idempotencyKeyFor(store, fields, fingerprint(toSubmission(fields), files));
    const edited = { ...fields, description: 'Menunggu tiga jam di loket.' };
    const second = idempotencyKeyFor(store, edited, fingerprint(toSubmission(edited), files));
    expect(second).not.toBe(first);
    const third = idempotencyKeyFor(store, edited, fingerprint(toSubmission(edited), []));
    expect(third).not.toBe(second);
  });

  it('a cleared draft starts over with a new key', () => {
    const store = memoryStore();
    const print = fingerprint(toSubmission(fields), files);
    const first = idempotencyKeyFor(store, fields, print);
    clearDraft(store);
    expect(idempotencyKeyFor(store, fields, print)).not.toBe(first);
  });
});

describe('submission body', () => {
  it('sends the identity for a complaint, and none when a suggestion is anonymous-free', () => {
    const complaint = toSubmission({ ...emptyDraft(), name: ' Wayan ', id_number: '5106011203850001', address: 'Bangli', phone: '' });
    expect(complaint.reporter).toEqual({
      name: 'Wayan',
      id_type: 'ktp',
      id_number: '5106011203850001',
      address: 'Bangli',
      phone: null,
      email: null,
    });
    const suggestion = toSubmission({ ...emptyDraft(), kind: 'suggestion', identified: false, anonymous: true });
    expect(suggestion.reporter).toBeNull();
    expect(suggestion.anonymous).toBe(false);
  });

  it("asks for the reporter's mail in the language they wrote in", () => {
    expect(toSubmission(emptyDraft(), 'en').language).toBe('en');
    expect(toSubmission(emptyDraft(), 'id').language).toBe('id');
    // Staff intake does not know the reporter's language: the API's default applies.
    expect(toSubmission(emptyDraft()).language).toBeNull();
  });
});
