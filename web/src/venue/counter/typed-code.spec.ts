import { computeVoucherCheckCharacter } from '../../../../src/modules/vouchers/voucher-code-check.rules';
import { groupTypedCode, judgeTypedCode, typedCodeMessage } from './typed-code';

const PAYLOAD = 'K7QM3XHZ72YYHN2';
const VALID = PAYLOAD + computeVoucherCheckCharacter(PAYLOAD);
/** The same code with its 5th character replaced: the check character no longer matches. */
const TYPO = VALID.slice(0, 4) + (VALID[4] === 'A' ? 'B' : 'A') + VALID.slice(5);

describe('groupTypedCode', () => {
  it('shows what is typed in upper case, in groups of four as printed', () => {
    expect(groupTypedCode('k7qm3x')).toBe('K7QM-3X');
    expect(groupTypedCode(VALID)).toBe(`${VALID.slice(0, 4)}-${VALID.slice(4, 8)}-${VALID.slice(8, 12)}-${VALID.slice(12)}`);
  });

  it('regroups whatever separators were typed or pasted, and keeps a wrong character visible', () => {
    expect(groupTypedCode('K7 QM–3X-HZ')).toBe('K7QM-3XHZ');
    expect(groupTypedCode('K7QU')).toBe('K7QU');
    expect(groupTypedCode('K7QM-')).toBe('K7QM');
  });
});

describe('judgeTypedCode', () => {
  it('accepts a valid code however it is typed, normalised as the server reads it', () => {
    expect(judgeTypedCode(groupTypedCode(VALID).toLowerCase())).toEqual({ state: 'ok', code: VALID });
  });

  it('flags a typo in a complete code before anything is sent', () => {
    expect(judgeTypedCode(TYPO)).toEqual({ state: 'typo' });
    expect(typedCodeMessage(judgeTypedCode(TYPO))).toMatch(/erreur de frappe/);
  });

  it('tells how many characters are missing, and flags characters no chèque has', () => {
    expect(judgeTypedCode('K7QM-3X')).toEqual({ state: 'incomplete', missing: 10 });
    expect(typedCodeMessage({ state: 'incomplete', missing: 1 })).toBe('Il manque 1 caractère.');
    expect(judgeTypedCode('K7QU')).toEqual({ state: 'bad_character' });
    expect(judgeTypedCode('K7Q*')).toEqual({ state: 'bad_character' });
    expect(judgeTypedCode(`${VALID}7`)).toEqual({ state: 'too_long' });
  });
});
