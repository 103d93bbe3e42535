// The citizen's unfinished submission is kept in localStorage so a reload or
// a lost connection loses nothing. Each draft owns one Idempotency-Key: a
// retried submit of the same content reuses it (the API then answers with the
// first receipt instead of a duplicate); changed content gets a new key, since
// the API refuses one key with different content.
import { newId, readJson, type KeyValueStore } from './storage';

export const DRAFT_KEY = 'aduan.draft.v1';

export type IdType = 'ktp' | 'sim' | 'passport' | 'kitas' | 'other';
export type KindValue = 'complaint' | 'suggestion' | 'input';

export interface DraftFields {
  kind: KindValue;
  category_id: string;
  subject: string;
  description: string;
  incident_date: string;
  incident_place: string;
  identified: boolean;
  name: string;
  id_type: IdType | '';
  id_number: string;
  address: string;
  phone: string;
  email: string;
  anonymous: boolean;
  confidential: boolean;
}

export interface StoredDraft {
  fields: DraftFields;
  savedAt: string;
  /** The key of the last submit attempt and the content it was for. */
  attempt?: { key: string; fingerprint: string };
}

export function emptyDraft(): DraftFields {
  return {
    kind: 'complaint',
    category_id: '',
    subject: '',
    description: '',
    incident_date: '',
    incident_place: '',
    identified: true,
    name: '',
    id_type: 'ktp',
    id_number: '',
    address: '',
    phone: '',
    email: '',
    anonymous: false,
    confidential: false,
  };
}

export function isBlank(fields: DraftFields): boolean {
  const empty = emptyDraft();
  return (Object.keys(empty) as (keyof DraftFields)[]).every((k) => fields[k] === empty[k]);
}

export function loadDraft(store: KeyValueStore): StoredDraft | null {
  const draft = readJson<StoredDraft>(store, DRAFT_KEY);
  if (!draft || typeof draft.fields !== 'object') return null;
  return { ...draft, fields: { ...emptyDraft(), ...draft.fields } };
}

export function saveDraft(store: KeyValueStore, fields: DraftFields, now = new Date()): void {
  const previous = loadDraft(store);
  const draft: StoredDraft = { fields, savedAt: now.toISOString(), attempt: previous?.attempt };
  store.setItem(DRAFT_KEY, JSON.stringify(draft));
}

export function clearDraft(store: KeyValueStore): void {
  store.removeItem(DRAFT_KEY);
}

/** A stable text standing for what is being submitted (fields and files). */
export function fingerprint(body: unknown, files: { name: string; size: number; lastModified?: number }[]): string {
  const text = JSON.stringify({ body, files: files.map((f) => [f.name, f.size, f.lastModified ?? 0]) });
  // FNV-1a, 32 bit: enough to tell contents apart, and keeps the stored draft small.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(16)}`;
}

/**
 * The Idempotency-Key for submitting this content: the draft's last key when
 * the content is unchanged (a retry), else a new one. It is stored before the
 * request goes out, so a reload during the request still retries with it.
 */
export function idempotencyKeyFor(store: KeyValueStore, fields: DraftFields, print: string): string {
  const draft = loadDraft(store);
  if (draft?.attempt && draft.attempt.fingerprint === print) return draft.attempt.key;
  const key = newId();
  const next: StoredDraft = {
    fields,
    savedAt: new Date().toISOString(),
    attempt: { key, fingerprint: print },
  };
  store.setItem(DRAFT_KEY, JSON.stringify(next));
  return key;
}
