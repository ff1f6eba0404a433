import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '../../../../src/modules/venues/service-category';
import type { ServiceFormValues, ServiceProblems } from './service-form-values';

/** One service of the catalogue: its name, its kind of help, how long, how many chèques a session takes. */
export function ServiceFields({
  idPrefix,
  service,
  problems,
  onChange,
}: {
  idPrefix: string;
  service: ServiceFormValues;
  problems: ServiceProblems;
  onChange: (service: ServiceFormValues) => void;
}) {
  return (
    <>
      <Input
        label="Nom du service"
        hintText="Exemple : Atelier « Faire ses démarches CAF en ligne »"
        state={problems.label ? 'error' : 'default'}
        stateRelatedMessage={problems.label}
        nativeInputProps={{
          id: `${idPrefix}-label`,
          value: service.label,
          onChange: (event) => onChange({ ...service, label: event.target.value }),
        }}
      />
      <Select
        label="Type d’aide"
        state={problems.category ? 'error' : 'default'}
        stateRelatedMessage={problems.category}
        nativeSelectProps={{
          id: `${idPrefix}-category`,
          value: service.category,
          onChange: (event) => onChange({ ...service, category: event.target.value as ServiceFormValues['category'] }),
        }}
      >
        <option value="">Choisissez</option>
        {SERVICE_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {SERVICE_CATEGORY_LABELS[category]}
          </option>
        ))}
      </Select>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Durée d’une séance, en minutes"
            state={problems.durationMinutes ? 'error' : 'default'}
            stateRelatedMessage={problems.durationMinutes}
            nativeInputProps={{
              id: `${idPrefix}-duration`,
              type: 'number',
              inputMode: 'numeric',
              min: 15,
              max: 480,
              step: 15,
              value: service.durationMinutes,
              onChange: (event) => onChange({ ...service, durationMinutes: event.target.value }),
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Chèques par séance, au plus"
            hintText="Souvent 1 chèque pour 2 heures."
            state={problems.maxVouchers ? 'error' : 'default'}
            stateRelatedMessage={problems.maxVouchers}
            nativeInputProps={{
              id: `${idPrefix}-vouchers`,
              type: 'number',
              inputMode: 'numeric',
              min: 1,
              max: 10,
              value: service.maxVouchers,
              onChange: (event) => onChange({ ...service, maxVouchers: event.target.value }),
            }}
          />
        </div>
      </div>
    </>
  );
}
