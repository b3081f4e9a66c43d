/**
 * A few counts taken in one pass over a value, which bound what a detector could match in it: a
 * card number needs 13 digits in one written number, an IPv4 address 4 digits and 3 dots, a token
 * a long run of token characters. Detectors declare such lower bounds (`Detector.needs`), and the
 * scrubber skips a detector whose bounds the value does not meet without starting its regex.
 */

/** Counts taken in one pass over a value; see `measureShape`. */
export interface TextShape {
  /** ASCII digits. */
  digits: number;
  /**
   * The most digits in one run of digits and the separators numbers are written with
   * (`0-9`, space, `.`, `-`, `/`, `(`, `)`): a card number has 13, a phone number 7, an IPv4 address 4.
   */
  digitGroup: number;
  /** The longest run of token characters `[A-Za-z0-9+/_-]`. */
  longestRun: number;
  colons: number;
  dots: number;
}

export type ShapeNeeds = Partial<Readonly<TextShape>>;

// Bits: 1 digit, 2 token character, 4 ':', 8 '.', 16 separator inside a written number.
const DIGIT = 1;
const TOKEN = 2;
const COLON = 4;
const DOT = 8;
const NUMBER_SEPARATOR = 16;
const SHAPE_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) SHAPE_CLASS[c] = DIGIT | TOKEN;
for (let c = 65; c <= 90; c++) SHAPE_CLASS[c] = TOKEN;
for (let c = 97; c <= 122; c++) SHAPE_CLASS[c] = TOKEN;
for (const ch of '+_') SHAPE_CLASS[ch.charCodeAt(0)] = TOKEN;
SHAPE_CLASS[47] = TOKEN | NUMBER_SEPARATOR; // '/': 0151/23456789
SHAPE_CLASS[45] = TOKEN | NUMBER_SEPARATOR; // '-'
SHAPE_CLASS[58] = COLON;
SHAPE_CLASS[46] = DOT | NUMBER_SEPARATOR;
for (const ch of ' ()') SHAPE_CLASS[ch.charCodeAt(0)] = NUMBER_SEPARATOR;

/** One pass over `text`: a few counts that bound what any detector could match in it. */
export function measureShape(text: string, into: TextShape): TextShape {
  let digits = 0;
  let group = 0;
  let widestGroup = 0;
  let run = 0;
  let longest = 0;
  let colons = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? SHAPE_CLASS[c]! : 0;
    if ((k & DIGIT) !== 0) {
      digits++;
      group++;
    } else if ((k & NUMBER_SEPARATOR) === 0) {
      if (group > widestGroup) widestGroup = group;
      group = 0;
    }
    if ((k & TOKEN) !== 0) {
      run++;
      continue;
    }
    if (run > longest) longest = run;
    run = 0;
    if (k === COLON) colons++;
    else if ((k & DOT) !== 0) dots++;
  }
  into.digits = digits;
  into.digitGroup = group > widestGroup ? group : widestGroup;
  into.longestRun = run > longest ? run : longest;
  into.colons = colons;
  into.dots = dots;
  return into;
}
