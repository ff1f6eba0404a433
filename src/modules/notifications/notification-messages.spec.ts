import { groupByOrganisationAndDay } from './notification-digests.service';
import { carnetsExpiringMail, composeMail, escapeHtml, orderRejectedMail, qualificationDecidedMail } from './notification-messages';

describe('notification messages', () => {
  it('says the same thing in text and HTML, with the HTML escaped', () => {
    const mail = orderRejectedMail({
      number: '2026-0001',
      carnetCount: 10,
      carnetSize: 5,
      faceValueTotalCents: '50000',
      reason: 'Budget <épuisé> & "gelé"',
      url: 'https://pn.example/orders/1?a=1&b=2',
    });
    expect(mail.subject).toBe('[Pass numérique] Commande 2026-0001 refusée');
    expect(mail.text).toContain('Motif : Budget <épuisé> & "gelé"');
    expect(mail.html).toContain('Motif : Budget &lt;épuisé&gt; &amp; &quot;gelé&quot;');
    expect(mail.html).toContain('href="https://pn.example/orders/1?a=1&amp;b=2"');
    expect(mail.html).not.toContain('<épuisé>');
    expect(mail.text).toContain('Voir la commande : https://pn.example/orders/1?a=1&b=2');
  });

  it('lists a digest per order with French amounts and dates', () => {
    const mail = carnetsExpiringMail({
      expiresAt: new Date('2027-12-31T22:59:59Z'),
      groups: [
        { orderNumber: '2026-0001', carnets: 3, unusedVouchers: 15, unusedValueCents: '15000' },
        { orderNumber: '2026-0002', carnets: 1, unusedVouchers: 2, unusedValueCents: '2000' },
      ],
      url: 'https://pn.example/carnets',
    });
    expect(mail.subject).toBe('[Pass numérique] 4 carnet(s) arrivent à échéance le 31 décembre 2027');
    expect(mail.text).toContain('- Commande 2026-0001 : 3 carnet(s), 15 chèque(s) non utilisés (150,00\u00a0€)');
    expect(mail.html).toContain('<li>Commande 2026-0002 : 1 carnet(s), 2 chèque(s) non utilisés (20,00\u00a0€)</li>');
  });

  it('words each qualification outcome, with its reason when there is one', () => {
    expect(qualificationDecidedMail({ venueName: 'EPN', status: 'qualified', reason: null, url: 'u' }).text).toContain(
      'vous pouvez encaisser',
    );
    const suspended = qualificationDecidedMail({ venueName: 'EPN', status: 'suspended', reason: 'Contrôle', url: 'u' });
    expect(suspended.subject).toBe('[Pass numérique] Qualification suspendue : EPN');
    expect(suspended.text).toContain('Motif : Contrôle');
  });

  it('keeps personal requests free of the preferences footer', () => {
    expect(composeMail('S', 'Bonjour,', [], { footer: false }).text).not.toContain('préférences');
    expect(composeMail('S', 'Bonjour,', []).text).toContain('préférences');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });
});

describe('groupByOrganisationAndDay', () => {
  const day = (iso: string) => new Date(iso);
  it('makes one digest per organisation and Paris day, adding up an order met twice', () => {
    const digests = groupByOrganisationAndDay([
      {
        organisationId: 'a',
        expiresAt: day('2027-12-31T22:59:59Z'),
        orderNumber: 'O1',
        carnets: 2,
        unusedVouchers: 10,
        unusedValueCents: '10000',
      },
      {
        organisationId: 'a',
        expiresAt: day('2027-12-31T12:00:00Z'),
        orderNumber: 'O1',
        carnets: 1,
        unusedVouchers: 5,
        unusedValueCents: '5000',
      },
      {
        organisationId: 'a',
        expiresAt: day('2028-01-31T22:59:59Z'),
        orderNumber: 'O2',
        carnets: 1,
        unusedVouchers: 5,
        unusedValueCents: '5000',
      },
      {
        organisationId: 'b',
        expiresAt: day('2027-12-31T22:59:59Z'),
        orderNumber: 'O1',
        carnets: 1,
        unusedVouchers: 5,
        unusedValueCents: '5000',
      },
    ]);
    expect(digests.map((digest) => [digest.organisationId, digest.orders])).toEqual([
      ['a', [{ orderNumber: 'O1', carnets: 3, unusedVouchers: 15, unusedValueCents: '15000' }]],
      ['a', [{ orderNumber: 'O2', carnets: 1, unusedVouchers: 5, unusedValueCents: '5000' }]],
      ['b', [{ orderNumber: 'O1', carnets: 1, unusedVouchers: 5, unusedValueCents: '5000' }]],
    ]);
  });
});
