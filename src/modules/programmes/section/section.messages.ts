import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the "Projecten hier" section of the neighbourhood page. */
export const messages = defineMessages({
  nl: {
    'programmes.section.title': 'Projecten hier',
    'programmes.section.intro': 'Projecten van de gemeente en partners die over {name} gaan.',
    'programmes.section.none': 'Nog geen projecten.',
    'programmes.section.caption': 'Projecten in {name}',
    'programmes.section.project': 'Project',
    'programmes.section.period': 'Periode',
    'programmes.section.status': 'Status',
    'programmes.section.gap': 'Ontbreekt dekking',
    'programmes.section.noMoney': 'geen bedragen',
    'programmes.section.viaWijk': 'project voor de hele wijk',
    'programmes.section.viaBuurt': 'project in een buurt van deze wijk',
    'programmes.section.programme': 'Programma: {title}',
    'programmes.section.demo': 'demo-waarde, verzonnen',
    'programmes.section.overview': 'Planning en financiering van {title}',
  },
  en: {
    'programmes.section.title': 'Projects here',
    'programmes.section.intro': 'Projects of the municipality and partners about {name}.',
    'programmes.section.none': 'No projects yet.',
    'programmes.section.caption': 'Projects in {name}',
    'programmes.section.project': 'Project',
    'programmes.section.period': 'Period',
    'programmes.section.status': 'Status',
    'programmes.section.gap': 'Missing coverage',
    'programmes.section.noMoney': 'no amounts',
    'programmes.section.viaWijk': 'project for the whole wijk',
    'programmes.section.viaBuurt': 'project in a buurt of this wijk',
    'programmes.section.programme': 'Programme: {title}',
    'programmes.section.demo': 'demo value, invented',
    'programmes.section.overview': 'Planning and financing of {title}',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
