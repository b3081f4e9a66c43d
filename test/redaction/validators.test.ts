import { describe, expect, it } from 'vitest';
import { ibanCandidateValid, looksRandom, luhnValid, nationalDigitsValid } from '../../src/redaction/validators.js';

describe('validators', () => {
  it('luhnValid checks the checksum and the digit count, ignoring separators', () => {
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('4111 1111 1111 1112')).toBe(false);
    expect(luhnValid('046 454 286', 9, 9)).toBe(true);
    expect(luhnValid('046 454 286')).toBe(false); // too few digits for a card
  });

  it('ibanCandidateValid needs mod-97, the registry length of a known country, and upper case for unknown ones', () => {
    expect(ibanCandidateValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanCandidateValid('de89370400440532013000')).toBe(true);
    expect(ibanCandidateValid('DE89 3704 0044 0532 0130 01')).toBe(false); // checksum
    expect(ibanCandidateValid('DE8937040044053201300')).toBe(false); // one short for DE
    expect(ibanCandidateValid('QQ8937040044053201300')).toBe(false);
  });

  it('nationalDigitsValid wants 9 to 12 digits', () => {
    expect(nationalDigitsValid('06 12 34 56 78')).toBe(true);
    expect(nationalDigitsValid('05-12-2026')).toBe(false);
    expect(nationalDigitsValid('0151 2345 6789 01')).toBe(false);
  });

  it('looksRandom tells generated tokens from identifiers, digests and words', () => {
    expect(looksRandom('f3Kq9ZxT2mLw8Rb4Vn6Yc1Hd5Gs7Jp0Ae')).toBe(true);
    expect(looksRandom('tTrcAoqHnUtqVuSfXIdhWxCQbCqjZvbklz')).toBe(true); // letters only, random case
    expect(looksRandom('AbstractSingletonProxyFactoryBean')).toBe(false);
    expect(looksRandom('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(false); // hex id
    expect(looksRandom('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(false); // ULID
    expect(looksRandom('pi_3MtwBwLkdIwHu7ix28a3tqPa')).toBe(false); // typed object id
    expect(looksRandom('sha512-PYAthTa2m2VKxuvSD3DPC/Gy+U+sOA1LAuT8mkmRuvw')).toBe(false); // integrity
    expect(looksRandom('checkout_flow_step_1_completed_successfully')).toBe(false);
  });
});
