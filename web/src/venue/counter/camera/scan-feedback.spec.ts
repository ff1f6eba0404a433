import { scanFeedbackOf } from './scan-feedback';

describe('scan feedback', () => {
  it('says in words what became of the chèque', () => {
    expect(scanFeedbackOf({ kind: 'added', serial: '2026-0001-000001-01' })).toEqual({
      tone: 'valid',
      text: 'Chèque 2026-0001-000001-01 ajouté au panier.',
    });
    expect(scanFeedbackOf({ kind: 'already_in_basket', serial: '2026-0001-000001-01' }).text).toBe(
      'Le chèque 2026-0001-000001-01 est déjà dans le panier : il n’est pas ajouté une deuxième fois.',
    );
    expect(scanFeedbackOf({ kind: 'refused', serial: '2026-0001-000001-01', title: 'Chèque déjà utilisé' })).toEqual({
      tone: 'error',
      text: 'Chèque 2026-0001-000001-01 refusé — Chèque déjà utilisé. Voir le résultat ci-dessous.',
    });
    expect(scanFeedbackOf({ kind: 'refused', serial: null, title: 'Pas un chèque du dispositif' }).text).toBe(
      'QR code refusé — Pas un chèque du dispositif. Voir le résultat ci-dessous.',
    );
    expect(scanFeedbackOf({ kind: 'queued', serial: '2026-0001-000001-01' })).toEqual({
      tone: 'valid',
      text: 'Chèque 2026-0001-000001-01 mis en attente : accepté sous réserve.',
    });
    expect(scanFeedbackOf({ kind: 'already_queued', serial: '2026-0001-000001-01' }).text).toBe(
      'Le chèque 2026-0001-000001-01 est déjà en attente : il n’est pas pris une deuxième fois.',
    );
    expect(scanFeedbackOf({ kind: 'failed', message: 'La connexion a échoué.' })).toEqual({
      tone: 'error',
      text: 'La connexion a échoué.',
    });
  });
});
