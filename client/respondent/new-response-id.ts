// Makes the client-side response id (a v4 UUID) that keeps resubmissions idempotent.

/**
 * `crypto.randomUUID` exists only in secure contexts, and an agency intranet may serve the
 * survey over plain http; `getRandomValues` is available everywhere, so fall back to it.
 *
 * @example
 * newResponseId() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newResponseId(source: Crypto = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  // RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10xx in byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The receipt shown on the completion page: the id's first 8 characters, as stored. */
export function receiptCode(responseId: string): string {
  return responseId.slice(0, 8);
}
