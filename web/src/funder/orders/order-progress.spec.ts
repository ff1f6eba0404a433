import { generationSentence, orderStep, refreshDelay } from './order-progress';

describe('order progress as the funder follows it', () => {
  it.each([
    ['draft', 0],
    ['submitted', 1],
    ['approved', 2],
    ['paid', 3],
    ['generating', 4],
    ['ready', 5],
    ['rejected', null],
    ['cancelled', null],
  ])('%s is step %p', (status, step) => {
    expect(orderStep(status)).toBe(step);
  });

  it('asks again quickly during generation, slowly while ANCT decides, never once nothing can change by itself', () => {
    expect(refreshDelay('generating')).toBe(1000);
    expect(refreshDelay('paid')).toBe(1000);
    expect(refreshDelay('submitted')).toBe(5000);
    expect(refreshDelay('ready')).toBeNull();
    expect(refreshDelay('draft')).toBeNull();
    expect(refreshDelay('cancelled')).toBeNull();
  });

  it('says the generation in carnets and chèques', () => {
    expect(
      generationSentence({ generation: { doneCarnets: 120, totalCarnets: 2000, doneVouchers: 1200, totalVouchers: 20000 } }).replace(
        /\u202f/g,
        ' ',
      ),
    ).toBe('120 carnets sur 2 000 (1 200 chèques sur 20 000)');
  });
});
