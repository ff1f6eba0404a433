import { bpOf, centsOf, duration, objectPath, percentOf, typedEuros } from './typed-values';

describe('back-office typed values', () => {
  it('reads euros as a person types them, to the cent, and refuses anything else', () => {
    expect(centsOf('52')).toBe(5200);
    expect(centsOf('52,00 €')).toBe(5200);
    expect(centsOf('1 234,5')).toBe(123450);
    expect(centsOf('1\u202f000,00')).toBe(100000);
    expect(centsOf('0')).toBe(0);
    expect(centsOf('10,001')).toBeNull();
    expect(centsOf('-5')).toBeNull();
    expect(centsOf('dix')).toBeNull();
    expect(typedEuros(5200)).toBe('52,00');
  });

  it('reads a percentage into basis points, within 0–100 %', () => {
    expect(bpOf('50')).toBe(5000);
    expect(bpOf('4,5')).toBe(450);
    expect(bpOf('0')).toBe(0);
    expect(bpOf('101')).toBeNull();
    expect(bpOf('')).toBeNull();
    expect(percentOf(450)).toBe('4,5');
  });

  it('says how long a run took', () => {
    expect(duration('2026-03-01T10:00:00Z', '2026-03-01T10:00:42Z')).toBe('42 s');
    expect(duration('2026-03-01T10:00:00Z', '2026-03-01T10:01:05Z')).toBe('1 min 05 s');
    expect(duration('2026-03-01T10:00:00Z', null)).toBe('—');
  });

  it('links the objects that have a back-office page, and only those', () => {
    expect(objectPath('order', 'o1')).toBe('/anct/commandes/o1');
    expect(objectPath('reimbursement_statement', 's1')).toBe('/anct/remboursements/releves/s1');
    expect(objectPath('voucher', 'v1')).toBeNull();
  });
});
