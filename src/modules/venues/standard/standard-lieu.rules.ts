import { createHash } from 'node:crypto';
import { isCalendarDate } from '../../../common/time/paris-time';
import { resolveCommune } from '../../communes/communes.rules';
import { isValidSiret } from '../../organisations/organisations.rules';
import { openingHoursProblem } from '../opening-hours.rules';
import {
  STANDARD_COLUMNS,
  STANDARD_LIST_SEPARATOR,
  STANDARD_REQUIRED_COLUMNS,
  STANDARD_SUMMARY_MAX_LENGTH,
  STANDARD_TELEPHONE_PATTERN,
  STANDARD_TYPOLOGIES,
  STANDARD_VOCABULARIES,
  type StandardColumn,
  type VocabularyColumn,
} from './standard-columns';

/** One line of a file in the standard, every cell as text (empty = absent). */
export type StandardRecord = Record<StandardColumn, string>;

/**
 * A venue site as the standard describes it, in our names. Lists are arrays of the standard's exact
 * values. This is what an import writes on a site and what an export reads from it.
 */
export interface StandardSite {
  externalId: string;
  siret: string;
  name: string;
  city: string;
  postalCode: string;
  communeInseeCode: string;
  departementCode: string;
  addressLine: string;
  addressComplement: string | null;
  latitude: number | null;
  longitude: number | null;
  typologies: string[];
  phone: string | null;
  emails: string[];
  websites: string[];
  openingHoursOsm: string | null;
  summary: string | null;
  description: string | null;
  externalSource: string | null;
  itinerance: string[];
  parentStructure: string | null;
  sourceUpdatedOn: string;
  standardServices: string[];
  publics: string[];
  specificSupport: string[];
  fees: string[];
  nationalProgrammes: string[];
  labels: string[];
  otherLabels: string[];
  accessModes: string[];
  supportModes: string[];
  acceslibreUrl: string | null;
  appointmentUrl: string | null;
}

export type ParsedStandardLine = { ok: true; site: StandardSite } | { ok: false; problems: string[] };

/** Columns a file must have to be read as the standard (the others may be missing: they are then empty). */
export function missingRequiredColumns(header: readonly string[]): StandardColumn[] {
  const present = new Set(header.map((name) => name.trim()));
  return STANDARD_REQUIRED_COLUMNS.filter((column) => !present.has(column));
}

/**
 * Reads one line. Every problem is reported in French, naming the column, so that ANCT can fix the
 * source; a line with any problem is rejected whole (never half imported).
 */
export function parseStandardLine(record: Partial<Record<string, string>>): ParsedStandardLine {
  const problems: string[] = [];
  const cell = (column: StandardColumn): string => (record[column] ?? '').trim();
  const optional = (column: StandardColumn): string | null => cell(column) || null;

  for (const column of STANDARD_REQUIRED_COLUMNS) if (!cell(column)) problems.push(`${column} : valeur obligatoire absente`);

  const siret = cell('pivot').replace(/\s/g, '');
  if (siret && !isValidSiret(siret)) {
    problems.push(`pivot : « ${siret} » n'est pas un SIRET valide (un lieu sans SIRET, identifié par son RNA, ne peut pas être remboursé)`);
  }

  const postalCode = cell('code_postal');
  if (postalCode && !/^\d{5}$/.test(postalCode)) problems.push(`code_postal : « ${postalCode} » doit avoir 5 chiffres`);
  const inseeCode = cell('code_insee').toUpperCase();
  if (inseeCode && !/^([013-9]\d|2[AB1-9])\d{3}$/.test(inseeCode)) problems.push(`code_insee : « ${inseeCode} » n'est pas un code INSEE`);
  const commune =
    postalCode && cell('commune') && problems.length === 0
      ? resolveCommune({ postalCode, city: cell('commune'), inseeCode: inseeCode || null })
      : null;
  if (postalCode && cell('commune') && problems.length === 0 && !commune) {
    problems.push(
      `commune : « ${cell('commune')} » (${postalCode}${inseeCode ? `, ${inseeCode}` : ''}) est inconnue de la liste officielle des communes`,
    );
  }

  const latitude = coordinate('latitude', -90, 90);
  const longitude = coordinate('longitude', -180, 180);
  if ((latitude === null) !== (longitude === null)) problems.push('latitude et longitude : donner les deux ou aucune');

  const phone = optional('telephone')?.replace(/[\s.]/g, '') ?? null;
  if (phone && !STANDARD_TELEPHONE_PATTERN.test(phone)) problems.push(`telephone : « ${phone} » doit être au format international (+33…)`);

  const horaires = optional('horaires');
  if (horaires) {
    const problem = openingHoursProblem(horaires);
    if (problem) problems.push(`horaires : ${problem}`);
  }

  const summary = optional('presentation_resume');
  if (summary && [...summary].length > STANDARD_SUMMARY_MAX_LENGTH) {
    problems.push(`presentation_resume : ${[...summary].length} caractères, ${STANDARD_SUMMARY_MAX_LENGTH} au plus`);
  }

  const updatedOn = cell('date_maj');
  if (updatedOn && !isCalendarDate(updatedOn)) problems.push(`date_maj : « ${updatedOn} » doit être une date AAAA-MM-JJ`);

  const typologies = splitList(cell('typologie'));
  const unknownTypologies = typologies.filter((value) => !STANDARD_TYPOLOGIES.includes(value));
  if (unknownTypologies.length > 0) problems.push(`typologie : valeur inconnue ${unknownTypologies.map((v) => `« ${v} »`).join(', ')}`);

  const lists = Object.fromEntries(
    (Object.keys(STANDARD_VOCABULARIES) as VocabularyColumn[]).map((column) => [column, vocabularyList(column)]),
  ) as Record<VocabularyColumn, string[]>;

  const acceslibreUrl = url('fiche_acces_libre');
  const appointmentUrl = url('prise_rdv');

  if (problems.length > 0) return { ok: false, problems };
  // Without a problem, postcode and commune were given and resolved above.
  if (!commune) throw new Error('A row without problems must have a resolved commune');
  return {
    ok: true,
    site: {
      externalId: cell('id'),
      siret,
      name: cell('nom'),
      city: cell('commune'),
      postalCode,
      communeInseeCode: commune.inseeCode,
      departementCode: commune.departementCode,
      addressLine: cell('adresse'),
      addressComplement: optional('complement_adresse'),
      latitude,
      longitude,
      typologies,
      phone,
      emails: splitList(cell('courriels')),
      websites: splitList(cell('site_web')),
      openingHoursOsm: horaires,
      summary,
      description: optional('presentation_detail'),
      externalSource: optional('source'),
      itinerance: lists.itinerance,
      parentStructure: optional('structure_parente'),
      sourceUpdatedOn: updatedOn,
      standardServices: lists.services,
      publics: lists.publics_specifiquement_adresses,
      specificSupport: lists.prise_en_charge_specifique,
      fees: lists.frais_a_charge,
      nationalProgrammes: lists.dispositif_programmes_nationaux,
      labels: lists.formations_labels,
      otherLabels: splitList(cell('autres_formations_labels')),
      accessModes: lists.modalites_acces,
      supportModes: lists.modalites_accompagnement,
      acceslibreUrl,
      appointmentUrl,
    },
  };

  function coordinate(column: 'latitude' | 'longitude', min: number, max: number): number | null {
    const text = cell(column).replace(',', '.');
    if (!text) return null;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push(`${column} : « ${cell(column)} » n'est pas un nombre entre ${min} et ${max}`);
      return null;
    }
    return value;
  }

  function vocabularyList(column: VocabularyColumn): string[] {
    const values = splitList(cell(column));
    const allowed: readonly string[] = STANDARD_VOCABULARIES[column];
    const unknown = values.filter((value) => !allowed.includes(value));
    if (unknown.length > 0) problems.push(`${column} : valeur hors de la liste du standard ${unknown.map((v) => `« ${v} »`).join(', ')}`);
    return values.filter((value) => allowed.includes(value));
  }

  function url(column: 'fiche_acces_libre' | 'prise_rdv'): string | null {
    const value = optional(column);
    if (value && !/^https?:\/\/[^\s]+$/.test(value)) problems.push(`${column} : « ${value} » n'est pas une adresse web (https://…)`);
    return value;
  }
}

/**
 * A multi-valued cell: `|` since version 1.0 of the standard; files made for the earlier versions
 * separate values with `;`, which is still read (never written).
 */
export function splitList(cell: string): string[] {
  const separator = cell.includes(STANDARD_LIST_SEPARATOR) ? STANDARD_LIST_SEPARATOR : ';';
  return [
    ...new Set(
      cell
        .split(separator)
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
}

/** What identifies the content of an imported line: the same content again is "unchanged" (date_maj aside). */
export function standardFingerprint(site: StandardSite): string {
  const { sourceUpdatedOn: _updatedOn, ...content } = site;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** A site written as one line of the standard: every column, lists joined with `|`, numbers as text. */
export function toStandardRecord(site: Omit<StandardSite, 'departementCode'>): StandardRecord {
  const list = (values: readonly string[]) => values.join(STANDARD_LIST_SEPARATOR);
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  const record: StandardRecord = {
    id: site.externalId,
    pivot: site.siret,
    nom: site.name,
    commune: site.city,
    code_postal: site.postalCode,
    code_insee: site.communeInseeCode,
    adresse: site.addressLine,
    complement_adresse: text(site.addressComplement),
    latitude: text(site.latitude),
    longitude: text(site.longitude),
    typologie: list(site.typologies),
    telephone: text(site.phone),
    courriels: list(site.emails),
    site_web: list(site.websites),
    horaires: text(site.openingHoursOsm),
    presentation_resume: text(site.summary),
    presentation_detail: text(site.description),
    source: text(site.externalSource),
    itinerance: list(site.itinerance),
    structure_parente: text(site.parentStructure),
    date_maj: site.sourceUpdatedOn,
    services: list(site.standardServices),
    publics_specifiquement_adresses: list(site.publics),
    prise_en_charge_specifique: list(site.specificSupport),
    frais_a_charge: list(site.fees),
    dispositif_programmes_nationaux: list(site.nationalProgrammes),
    formations_labels: list(site.labels),
    autres_formations_labels: list(site.otherLabels),
    modalites_acces: list(site.accessModes),
    modalites_accompagnement: list(site.supportModes),
    fiche_acces_libre: text(site.acceslibreUrl),
    prise_rdv: text(site.appointmentUrl),
  };
  // Column order is the schema's, whatever the literal above says.
  return Object.fromEntries(STANDARD_COLUMNS.map((column) => [column, record[column]])) as StandardRecord;
}
