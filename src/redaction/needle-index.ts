/**
 * Which of many literal needles occur in a text, found in one pass.
 *
 * Each detector's precheck is "the text contains one of these substrings". Tested one detector at a
 * time, that is a regular-expression alternation per detector, and on ordinary telemetry those
 * prechecks cost more than the detectors themselves. Here every needle of every detector sits in
 * one trie over ASCII, stored as a flat transition table, so a value is scanned once and each step
 * is an array read; the result is a bit mask of the slots (detectors) with a needle present.
 */

const ALPHABET = 128;
const NONE = -1;

export class NeedleIndex {
  /** next[node * 128 + char] is the child node, or -1. Node 0 is the root. */
  private readonly next: Int32Array;
  /** Bits of the slots whose needle ends at this node. */
  private readonly ends: Int32Array;
  /** Bits of the slots whose every needle is found; the scan stops early once all are. */
  private readonly all: number;

  /** `needles[slot]` are that slot's needles; at most 31 slots, needles must be ASCII. */
  constructor(needles: readonly (readonly string[])[]) {
    if (needles.length > 31) throw new RangeError('NeedleIndex holds at most 31 slots');
    const children: number[][] = [new Array<number>(ALPHABET).fill(NONE)];
    const ends: number[] = [0];
    let all = 0;
    needles.forEach((list, slot) => {
      if (list.length > 0) all |= 1 << slot;
      for (const needle of list) {
        if (needle.length === 0 || !/^[\x00-\x7f]+$/.test(needle)) throw new RangeError(`needle must be non-empty ASCII: ${JSON.stringify(needle)}`);
        let node = 0;
        for (let i = 0; i < needle.length; i++) {
          const c = needle.charCodeAt(i);
          let child = children[node]![c]!;
          if (child === NONE) {
            child = children.length;
            children.push(new Array<number>(ALPHABET).fill(NONE));
            ends.push(0);
            children[node]![c] = child;
          }
          node = child;
        }
        ends[node]! |= 1 << slot;
      }
    });
    this.next = Int32Array.from(children.flat());
    this.ends = Int32Array.from(ends);
    this.all = all;
  }

  /** Bit `slot` is set when the text contains one of that slot's needles. */
  scan(text: string): number {
    const next = this.next;
    const ends = this.ends;
    const all = this.all;
    const n = text.length;
    let found = 0;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c >= ALPHABET) continue;
      let node = next[c]!;
      let j = i;
      while (node !== NONE) {
        found |= ends[node]!;
        if (++j >= n) break;
        c = text.charCodeAt(j);
        if (c >= ALPHABET) break;
        node = next[node * ALPHABET + c]!;
      }
      if (found === all) break;
    }
    return found;
  }
}
