/**
 * The French e-mails of the platform, as pure functions of the facts they state: subject, plain text and
 * HTML are built from the same blocks, so the two versions never say different things. No personal data
 * of beneficiaries ever appears in a message.
 */
import { formatParisLongDate } from '../../common/time/paris-time';
import { formatEuros } from '../printing/render/french-format';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

type Block = { paragraph: string } | { link: { label: string; url: string } } | { list: string[] };

const SIGNATURE = 'L’équipe Pass numérique';
const FOOTER =
  'Vous recevez ce message parce que vous avez un compte sur la plateforme Pass numérique. Vous pouvez choisir les notifications que vous recevez dans vos préférences.';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Builds both versions of one message from its blocks. */
export function composeMail(subject: string, greeting: string, blocks: Block[], options: { footer?: boolean } = {}): MailContent {
  const footer = options.footer ?? true;
  const textParts = [greeting, ...blocks.map(blockAsText), SIGNATURE, ...(footer ? [`--\n${FOOTER}`] : [])];
  const htmlParts = [`<p>${escapeHtml(greeting)}</p>`, ...blocks.map(blockAsHtml), `<p>${escapeHtml(SIGNATURE)}</p>`];
  if (footer) htmlParts.push(`<hr><p style="color:#666;font-size:small">${escapeHtml(FOOTER)}</p>`);
  return {
    subject: `[Pass numérique] ${subject}`,
    text: `${textParts.join('\n\n')}\n`,
    html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${htmlParts.join('\n')}</body></html>\n`,
  };
}

function blockAsText(block: Block): string {
  if ('paragraph' in block) return block.paragraph;
  if ('link' in block) return `${block.link.label} : ${block.link.url}`;
  return block.list.map((item) => `- ${item}`).join('\n');
}

function blockAsHtml(block: Block): string {
  if ('paragraph' in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
  if ('link' in block) return `<p><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.label)}</a></p>`;
  return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

const hello = (displayName: string | null) => (displayName ? `Bonjour ${displayName},` : 'Bonjour,');
const euros = (cents: string | number) => formatEuros(Number(cents));

export function invitationMail(facts: {
  displayName: string;
  organisationName: string;
  invitationUrl: string;
  expiresAt: Date;
}): MailContent {
  return composeMail(
    'Votre invitation',
    hello(facts.displayName),
    [
      { paragraph: `Vous êtes invité(e) à rejoindre ${facts.organisationName} sur la plateforme Pass numérique.` },
      { link: { label: 'Choisir votre mot de passe', url: facts.invitationUrl } },
      {
        paragraph: `Ce lien fonctionne une seule fois, jusqu’au ${formatParisLongDate(facts.expiresAt)}. Si vous n’attendiez pas cette invitation, ignorez ce message.`,
      },
    ],
    { footer: false },
  );
}

export function passwordResetMail(facts: { displayName: string; resetUrl: string; validMinutes: number }): MailContent {
  return composeMail(
    'Réinitialisation de votre mot de passe',
    hello(facts.displayName),
    [
      { paragraph: 'Une réinitialisation du mot de passe de votre compte Pass numérique a été demandée.' },
      { link: { label: 'Choisir un nouveau mot de passe', url: facts.resetUrl } },
      {
        paragraph: `Ce lien fonctionne une seule fois, pendant ${facts.validMinutes} minutes. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
      },
    ],
    { footer: false },
  );
}

export interface OrderFacts {
  number: string;
  carnetCount: number;
  carnetSize: number;
  faceValueTotalCents: string;
  url: string;
}

export function orderApprovedMail(order: OrderFacts): MailContent {
  return composeMail(`Commande ${order.number} approuvée`, hello(null), [
    {
      paragraph: `L’ANCT a approuvé votre commande ${order.number} : ${order.carnetCount} carnets de ${order.carnetSize} chèques, ${euros(order.faceValueTotalCents)} en valeur faciale.`,
    },
    { paragraph: 'Les carnets seront fabriqués dès que votre paiement aura été enregistré.' },
    { link: { label: 'Voir la commande', url: order.url } },
  ]);
}

export function orderRejectedMail(order: OrderFacts & { reason: string }): MailContent {
  return composeMail(`Commande ${order.number} refusée`, hello(null), [
    { paragraph: `L’ANCT a refusé votre commande ${order.number} (${order.carnetCount} carnets de ${order.carnetSize} chèques).` },
    { paragraph: `Motif : ${order.reason}` },
    { link: { label: 'Voir la commande', url: order.url } },
  ]);
}

export function orderReadyMail(order: OrderFacts): MailContent {
  return composeMail(`Carnets de la commande ${order.number} disponibles`, hello(null), [
    {
      paragraph: `Les ${order.carnetCount} carnets de votre commande ${order.number} sont prêts. Vous pouvez maintenant les attribuer à vos structures prescriptrices.`,
    },
    { link: { label: 'Voir votre stock', url: order.url } },
  ]);
}

export interface ExpiringGroup {
  orderNumber: string;
  carnets: number;
  unusedVouchers: number;
  unusedValueCents: string;
}

export function carnetsExpiringMail(facts: { expiresAt: Date; groups: ExpiringGroup[]; url: string }): MailContent {
  const carnets = facts.groups.reduce((sum, group) => sum + group.carnets, 0);
  return composeMail(`${carnets} carnet(s) arrivent à échéance le ${formatParisLongDate(facts.expiresAt)}`, hello(null), [
    {
      paragraph: `${carnets} carnet(s) que vous détenez ou que vous avez distribués n’ont pas encore servi et arrivent à échéance le ${formatParisLongDate(facts.expiresAt)}. Après cette date, leurs chèques ne pourront plus être encaissés.`,
    },
    {
      list: facts.groups.map(
        (group) =>
          `Commande ${group.orderNumber} : ${group.carnets} carnet(s), ${group.unusedVouchers} chèque(s) non utilisés (${euros(group.unusedValueCents)})`,
      ),
    },
    {
      paragraph:
        'Pensez à distribuer ou réattribuer les carnets en stock, et à rappeler aux bénéficiaires qu’ils peuvent encore les utiliser.',
    },
    { link: { label: 'Voir les carnets concernés', url: facts.url } },
  ]);
}

export function distributionStoppingMail(facts: { closesAt: Date; expiresAt: Date; groups: ExpiringGroup[]; url: string }): MailContent {
  const carnets = facts.groups.reduce((sum, group) => sum + group.carnets, 0);
  return composeMail(`Fin de la distribution de ${carnets} carnet(s) le ${formatParisLongDate(facts.closesAt)}`, hello(null), [
    {
      paragraph: `${carnets} carnet(s) de votre stock ne peuvent plus être remis à un bénéficiaire depuis le ${formatParisLongDate(facts.closesAt)} : leurs chèques expirent le ${formatParisLongDate(facts.expiresAt)}. Leur valeur non utilisée sera portée à l’avoir de fin de validité.`,
    },
    {
      list: facts.groups.map(
        (group) => `Commande ${group.orderNumber} : ${group.carnets} carnet(s) en stock (${euros(group.unusedValueCents)})`,
      ),
    },
    { link: { label: 'Voir votre stock', url: facts.url } },
  ]);
}

export interface StatementFacts {
  periodStart: string;
  periodEnd: string;
  redemptionCount: number;
  totalCents: string;
  url: string;
}

const frenchDay = (isoDate: string) => isoDate.split('-').reverse().join('/');

export function statementDrawnUpMail(statement: StatementFacts): MailContent {
  return composeMail(`Relevé de remboursement du ${frenchDay(statement.periodStart)} au ${frenchDay(statement.periodEnd)}`, hello(null), [
    {
      paragraph: `Votre relevé de remboursement du ${frenchDay(statement.periodStart)} au ${frenchDay(statement.periodEnd)} est établi : ${statement.redemptionCount} chèque(s) encaissé(s), ${euros(statement.totalCents)}.`,
    },
    { paragraph: 'Il sera payé par virement après validation par l’ANCT.' },
    { link: { label: 'Voir le relevé', url: statement.url } },
  ]);
}

export function statementPaidMail(statement: StatementFacts & { paidOn: string; reference: string }): MailContent {
  return composeMail(`Relevé payé : ${euros(statement.totalCents)}`, hello(null), [
    {
      paragraph: `Le virement de ${euros(statement.totalCents)} pour votre relevé du ${frenchDay(statement.periodStart)} au ${frenchDay(statement.periodEnd)} a été effectué le ${frenchDay(statement.paidOn)}.`,
    },
    { paragraph: `Référence du virement : ${statement.reference}` },
    { link: { label: 'Voir le relevé', url: statement.url } },
  ]);
}

const QUALIFICATION_OUTCOMES: Record<string, string> = {
  qualified: 'Votre lieu est qualifié : vous pouvez encaisser des chèques Pass numérique.',
  refused: 'La qualification de votre lieu a été refusée.',
  suspended: 'La qualification de votre lieu est suspendue : vous ne pouvez plus encaisser de chèques pour le moment.',
  withdrawn: 'La qualification de votre lieu a été retirée : vous ne pouvez plus encaisser de chèques.',
  pending: 'La qualification de votre lieu est de nouveau à l’étude.',
};

const QUALIFICATION_SUBJECTS: Record<string, string> = {
  qualified: 'Votre lieu est qualifié',
  refused: 'Qualification refusée',
  suspended: 'Qualification suspendue',
  withdrawn: 'Qualification retirée',
  pending: 'Qualification à l’étude',
};

export function qualificationDecidedMail(facts: { venueName: string; status: string; reason: string | null; url: string }): MailContent {
  return composeMail(`${QUALIFICATION_SUBJECTS[facts.status] ?? 'Qualification'} : ${facts.venueName}`, hello(null), [
    { paragraph: QUALIFICATION_OUTCOMES[facts.status] ?? `Nouveau statut de qualification : ${facts.status}.` },
    ...(facts.reason ? [{ paragraph: `Motif : ${facts.reason}` }] : []),
    { link: { label: 'Voir votre lieu', url: facts.url } },
  ]);
}

export function reconciliationAnomaliesMail(facts: {
  runId: string;
  anomalies: number;
  byKind: Record<string, number>;
  url: string;
}): MailContent {
  return composeMail(`Rapprochement : ${facts.anomalies} anomalie(s)`, hello(null), [
    { paragraph: `Le rapprochement a trouvé ${facts.anomalies} anomalie(s). Rien n’a été corrigé automatiquement.` },
    { list: Object.entries(facts.byKind).map(([kind, count]) => `${kind} : ${count}`) },
    { link: { label: 'Voir les anomalies', url: facts.url } },
  ]);
}
