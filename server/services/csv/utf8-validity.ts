// Where UTF-8 stops being valid in a byte chunk, so a file's first bad byte can be named by row and column.

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode 15,
 * table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or −1 when every
 * sequence is whole and well formed. A sequence cut short by the end of `bytes` counts as
 * invalid at its first byte; {@link completeLength} finds where to cut a chunk so it is not.
 *
 * @example
 * firstInvalidUtf8(Buffer.from([0x53, 0x31, 0x20, 0x96])); // 3 (Windows-1252's en dash)
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * The length of the longest prefix of `bytes` that does not end inside a multi-byte sequence
 * (only the last three bytes are looked at), so a chunk boundary never splits a character.
 *
 * @example
 * completeLength(Buffer.from([0x41, 0xe2, 0x80])); // 1: "–" continues in the next chunk
 */
export function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
