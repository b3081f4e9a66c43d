/**
 * Which of many literal needles occur in a text, found in one pass.
 *
 * Each detector's precheck is "the text contains one of these substrings". Tested one detector at a
 * time, that is a regular-expression alternation per detector, and on ordinary telemetry those
 * prechecks cost more than the detectors themselves. Here every needle of every detector sits in
 * one trie over ASCII, stored as a flat transition table, so a value is scanned once and each step
 * is an array read; the result is a bit mask of the slots (detectors) with a needle present.
 * Most letters start some needle, so a table of the two-character prefixes needles start with
 * decides first whether a position is worth walking from. Characters outside ASCII all share one
 * slot (127): a needle in Japanese or Cyrillic then matches any non-ASCII text of its length, an
 * over-approximation, which a precheck may make (the detector's regex decides).
 */

const ALPHABET = 128;
const NONE = -1;
const OTHER = 127;

/** The trie's character for a UTF-16 code unit: ASCII as itself, everything else as one slot. */
const key = (c: number): number => (c < OTHER ? c : OTHER);

export class NeedleIndex {
  /** next[node * 128 + char] is the child node, or -1. Node 0 is the root. */
  private readonly next: Int32Array;
  /** Bits of the slots whose needle ends at this node. */
  private readonly ends: Int32Array;
  /** Bits of the slots whose every needle is found; the scan stops early once all are. */
  private readonly all: number;
  /** Slots with a one-character needle, by character. */
  private readonly single: Int32Array;
  /** 1 where a needle of two or more characters starts with these two: bigram[c1 * 128 + c2]. */
  private readonly bigram: Uint8Array;

  /** `needles[slot]` are that slot's needles; at most 31 slots. */
  constructor(needles: readonly (readonly string[])[]) {
    if (needles.length > 31) throw new RangeError('NeedleIndex holds at most 31 slots');
    // Built as a trie of small maps first, then laid out in one flat table: allocating a
    // 128-entry array per node and flattening them cost milliseconds at every register().
    const children: Map<number, number>[] = [new Map()];
    const ends: number[] = [0];
    const single = new Int32Array(ALPHABET);
    const bigram = new Uint8Array(ALPHABET * ALPHABET);
    let all = 0;
    needles.forEach((list, slot) => {
      if (list.length > 0) all |= 1 << slot;
      for (const needle of list) {
        if (needle.length === 0) throw new RangeError('needles must be non-empty');
        if (needle.length === 1) {
          single[key(needle.charCodeAt(0))]! |= 1 << slot;
          continue;
        }
        bigram[key(needle.charCodeAt(0)) * ALPHABET + key(needle.charCodeAt(1))] = 1;
        let node = 0;
        for (let i = 0; i < needle.length; i++) {
          const c = key(needle.charCodeAt(i));
          let child = children[node]!.get(c);
          if (child === undefined) {
            child = children.length;
            children.push(new Map());
            ends.push(0);
            children[node]!.set(c, child);
          }
          node = child;
        }
        ends[node]! |= 1 << slot;
      }
    });
    const next = new Int32Array(children.length * ALPHABET).fill(NONE);
    children.forEach((map, node) => {
      for (const [c, child] of map) next[node * ALPHABET + c] = child;
    });
    this.next = next;
    this.ends = Int32Array.from(ends);
    this.all = all;
    this.single = single;
    this.bigram = bigram;
  }

  /** Bit `slot` is set when the text contains one of that slot's needles. */
  scan(text: string): number {
    const next = this.next;
    const ends = this.ends;
    const single = this.single;
    const bigram = this.bigram;
    const all = this.all;
    const n = text.length;
    let found = 0;
    let c2 = n > 0 ? key(text.charCodeAt(0)) : 0;
    for (let i = 0; i < n; i++) {
      const c = c2;
      c2 = i + 1 < n ? key(text.charCodeAt(i + 1)) : NONE;
      found |= single[c]!;
      if (c2 === NONE || bigram[c * ALPHABET + c2] === 0) {
        if (found === all) break;
        continue;
      }
      let node = next[c]!;
      let j = i;
      while (node !== NONE) {
        found |= ends[node]!;
        if (++j >= n) break;
        node = next[node * ALPHABET + key(text.charCodeAt(j))]!;
      }
      if (found === all) break;
    }
    return found;
  }
}
