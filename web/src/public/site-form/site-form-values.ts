import { toStandardPhone } from '../../../../src/modules/venues/standard/standard-phone.rules';
import {
  type STANDARD_ACCESS_MODES,
  type STANDARD_FEES,
  type STANDARD_PUBLICS,
  type STANDARD_SERVICES,
  type STANDARD_SPECIFIC_SUPPORT,
  STANDARD_SUMMARY_MAX_LENGTH,
  type STANDARD_SUPPORT_MODES,
} from '../../../../src/modules/venues/standard/standard-vocabularies';

type ValueOf<List extends readonly string[]> = List[number];

/** A site as its form holds it (text as typed); `siteBody` turns it into what the API takes. */
export interface SiteFormValues {
  name: string;
  addressLine: string;
  addressComplement: string;
  postalCode: string;
  city: string;
  communeInseeCode: string;
  accessibilityNotes: string;
  summary: string;
  standardServices: ValueOf<typeof STANDARD_SERVICES>[];
  publics: ValueOf<typeof STANDARD_PUBLICS>[];
  specificSupport: ValueOf<typeof STANDARD_SPECIFIC_SUPPORT>[];
  fees: ValueOf<typeof STANDARD_FEES>[];
  accessModes: ValueOf<typeof STANDARD_ACCESS_MODES>[];
  supportModes: ValueOf<typeof STANDARD_SUPPORT_MODES>[];
  phone: string;
  email: string;
  website: string;
  appointmentUrl: string;
  acceslibreUrl: string;
}

export const EMPTY_SITE: SiteFormValues = {
  name: '',
  addressLine: '',
  addressComplement: '',
  postalCode: '',
  city: '',
  communeInseeCode: '',
  accessibilityNotes: '',
  summary: '',
  standardServices: [],
  publics: [],
  specificSupport: [],
  fees: [],
  accessModes: [],
  supportModes: [],
  phone: '',
  email: '',
  website: '',
  appointmentUrl: '',
  acceslibreUrl: '',
};

const WEB_ADDRESS = /^https?:\/\/\S+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SiteProblems = Partial<Record<keyof SiteFormValues, string>>;

/** What the person must correct before sending, in plain French (the server checks the same again). */
export function siteProblems(site: SiteFormValues): SiteProblems {
  const problems: SiteProblems = {};
  if (site.name.trim().length < 2) problems.name = 'Indiquez le nom du lieu.';
  if (site.addressLine.trim().length < 2) problems.addressLine = 'Indiquez le numéro et la rue.';
  if (!site.communeInseeCode) problems.communeInseeCode = 'Indiquez le code postal puis choisissez la commune.';
  if (site.phone.trim() && !toStandardPhone(site.phone))
    problems.phone = 'Ce numéro de téléphone n’est pas complet. Exemple : 04 72 00 00 00.';
  if (site.email.trim() && !EMAIL.test(site.email.trim()))
    problems.email = 'Cette adresse e-mail n’est pas complète. Exemple : contact@mairie.fr.';
  for (const field of ['website', 'appointmentUrl', 'acceslibreUrl'] as const) {
    if (site[field].trim() && !WEB_ADDRESS.test(site[field].trim())) problems[field] = 'Une adresse de site web commence par https://';
  }
  if ([...site.summary].length > STANDARD_SUMMARY_MAX_LENGTH) problems.summary = `${STANDARD_SUMMARY_MAX_LENGTH} caractères au plus.`;
  return problems;
}

/** The site's fields for the API: empty text left out, the phone in the standard's international form. */
export function siteBody(site: SiteFormValues) {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    name: site.name.trim(),
    addressLine: site.addressLine.trim(),
    addressComplement: text(site.addressComplement),
    postalCode: site.postalCode,
    city: site.city,
    communeInseeCode: site.communeInseeCode,
    accessibilityNotes: text(site.accessibilityNotes),
    summary: text(site.summary),
    standardServices: site.standardServices,
    publics: site.publics,
    specificSupport: site.specificSupport,
    fees: site.fees,
    accessModes: site.accessModes,
    supportModes: site.supportModes,
    phone: site.phone.trim() ? (toStandardPhone(site.phone) ?? undefined) : undefined,
    emails: site.email.trim() ? [site.email.trim()] : [],
    websites: site.website.trim() ? [site.website.trim()] : [],
    appointmentUrl: text(site.appointmentUrl),
    acceslibreUrl: text(site.acceslibreUrl),
  };
}
