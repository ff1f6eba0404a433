import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type ReactNode } from 'react';
import {
  STANDARD_ACCESS_MODES,
  STANDARD_FEES,
  STANDARD_PUBLICS,
  STANDARD_SERVICES,
  STANDARD_SPECIFIC_SUPPORT,
  STANDARD_SUPPORT_MODES,
} from '../../../../src/modules/venues/standard/standard-vocabularies';
import { ChoiceGroup } from './ChoiceGroup';
import { CommuneFields } from './CommuneFields';
import type { SiteFormValues, SiteProblems } from './site-form-values';

interface Props {
  idPrefix: string;
  site: SiteFormValues;
  onChange: (site: SiteFormValues) => void;
  problems: SiteProblems;
  showErrors: boolean;
  /** The seat of an application is named after the structure: its name is asked once, with the structure. */
  hideName?: boolean;
  /** The optional details folded under one button (a first application stays short on a phone). */
  foldDetails?: boolean;
}

const DETAIL_FIELDS: (keyof SiteFormValues)[] = ['website', 'appointmentUrl', 'acceslibreUrl', 'accessibilityNotes', 'summary'];

/**
 * What the national standard describes about a place, as a form: its address (commune from the official
 * list), what it offers and to whom, how to come, how to reach it. Shared by the application and the
 * venue administrator's site page; the hours are edited apart (weekly slots or OSM syntax).
 */
export function SiteFields({ idPrefix, site, onChange, problems, showErrors, hideName = false, foldDetails = false }: Props) {
  const [expanded, setExpanded] = useState(false);
  const set = <Field extends keyof SiteFormValues>(field: Field, value: SiteFormValues[Field]) => onChange({ ...site, [field]: value });
  const shown = (field: keyof SiteFormValues) =>
    showErrors || (field !== 'name' && field !== 'addressLine' && field !== 'communeInseeCode') ? problems[field] : undefined;
  const text = (
    field: keyof SiteFormValues,
    label: string,
    extra: { hint?: string; autoComplete?: string; type?: string; inputMode?: 'numeric' | 'tel' | 'email' | 'url' } = {},
  ) => {
    const problem = shown(field);
    return (
      <Input
        label={label}
        hintText={extra.hint}
        state={problem ? 'error' : 'default'}
        stateRelatedMessage={problem}
        nativeInputProps={{
          id: `${idPrefix}-${field}`,
          type: extra.type ?? 'text',
          inputMode: extra.inputMode,
          autoComplete: extra.autoComplete ?? 'off',
          value: site[field] as string,
          onChange: (event) => set(field, event.target.value as never),
        }}
      />
    );
  };
  // A folded detail with a problem opens by itself: nothing the person must correct stays hidden.
  const detailProblem = DETAIL_FIELDS.some((field) => problems[field] !== undefined);
  const folded = (details: NonNullable<ReactNode>) =>
    foldDetails ? (
      <Accordion
        className="fr-mb-4w"
        label="Plus d’informations sur le lieu (facultatif)"
        titleAs="h4"
        expanded={expanded || detailProblem}
        onExpandedChange={(next) => setExpanded(next)}
      >
        {details}
      </Accordion>
    ) : (
      details
    );
  return (
    <>
      <fieldset className="fr-fieldset" aria-labelledby={`${idPrefix}-address-legend`}>
        <legend className="fr-fieldset__legend" id={`${idPrefix}-address-legend`}>
          Adresse
        </legend>
        {!hideName && (
          <div className="fr-fieldset__element">
            {text('name', 'Nom du lieu', { hint: 'Le nom que les personnes voient en arrivant. Exemple : Médiathèque Jean Macé.' })}
          </div>
        )}
        <div className="fr-fieldset__element">{text('addressLine', 'Numéro et rue', { autoComplete: 'address-line1' })}</div>
        <div className="fr-fieldset__element">
          {text('addressComplement', 'Complément d’adresse (facultatif)', { hint: 'Bâtiment, étage…', autoComplete: 'address-line2' })}
        </div>
        <div className="fr-fieldset__element">
          <CommuneFields
            idPrefix={idPrefix}
            value={{ postalCode: site.postalCode, city: site.city, communeInseeCode: site.communeInseeCode }}
            onChange={(commune) => onChange({ ...site, ...commune })}
            showErrors={showErrors}
          />
        </div>
      </fieldset>
      <ChoiceGroup
        legend="Aides proposées"
        hint="Cochez tout ce que le lieu propose."
        choices={STANDARD_SERVICES}
        value={site.standardServices}
        onChange={(value) => set('standardServices', value)}
      />
      <ChoiceGroup legend="Frais" choices={STANDARD_FEES} value={site.fees} onChange={(value) => set('fees', value)} />
      <fieldset className="fr-fieldset" aria-labelledby={`${idPrefix}-contact-legend`}>
        <legend className="fr-fieldset__legend" id={`${idPrefix}-contact-legend`}>
          Contact
        </legend>
        <div className="fr-fieldset__element">
          {text('phone', 'Téléphone (facultatif)', {
            hint: 'Exemple : 04 72 00 00 00',
            type: 'tel',
            inputMode: 'tel',
            autoComplete: 'tel',
          })}
        </div>
        <div className="fr-fieldset__element">
          {text('email', 'E-mail du lieu (facultatif)', { type: 'email', inputMode: 'email', autoComplete: 'email' })}
        </div>
      </fieldset>
      {folded(
        <>
          <ChoiceGroup
            legend="Publics accueillis en particulier (facultatif)"
            hint="Ne cochez rien si le lieu accueille tout le monde."
            choices={STANDARD_PUBLICS}
            value={site.publics}
            onChange={(value) => set('publics', value)}
          />
          <ChoiceGroup
            legend="Accompagnement adapté (facultatif)"
            choices={STANDARD_SPECIFIC_SUPPORT}
            value={site.specificSupport}
            onChange={(value) => set('specificSupport', value)}
          />
          <ChoiceGroup
            legend="Comment venir (facultatif)"
            choices={STANDARD_ACCESS_MODES}
            value={site.accessModes}
            onChange={(value) => set('accessModes', value)}
          />
          <ChoiceGroup
            legend="Comment le lieu accompagne (facultatif)"
            choices={STANDARD_SUPPORT_MODES}
            value={site.supportModes}
            onChange={(value) => set('supportModes', value)}
          />
          <fieldset className="fr-fieldset" aria-labelledby={`${idPrefix}-more-legend`}>
            <legend className="fr-fieldset__legend" id={`${idPrefix}-more-legend`}>
              Accès et présentation
            </legend>
            <div className="fr-fieldset__element">
              {text('website', 'Site web (facultatif)', { hint: 'Commence par https://', type: 'url', inputMode: 'url' })}
            </div>
            <div className="fr-fieldset__element">
              {text('appointmentUrl', 'Prise de rendez-vous en ligne (facultatif)', { type: 'url', inputMode: 'url' })}
            </div>
            <div className="fr-fieldset__element">
              {text('acceslibreUrl', 'Fiche acceslibre (facultatif)', {
                hint: 'L’adresse de la fiche du lieu sur acceslibre.beta.gouv.fr',
                type: 'url',
                inputMode: 'url',
              })}
            </div>
            <div className="fr-fieldset__element">
              {text('accessibilityNotes', 'Accessibilité (facultatif)', {
                hint: 'Exemple : entrée de plain-pied, boucle magnétique à l’accueil.',
              })}
            </div>
            <div className="fr-fieldset__element">
              {text('summary', 'Présentation en une phrase (facultatif)', { hint: '280 caractères au plus.' })}
            </div>
          </fieldset>
        </>,
      )}
    </>
  );
}
