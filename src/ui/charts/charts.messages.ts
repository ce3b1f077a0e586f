import { defineMessages, type CatalogueKeys } from '../../platform/i18n/index.ts';

/** Texts of the charts (trend chart, choropleth) in src/ui/charts/. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'charts.trend.period': 'Periode',
    'charts.trend.value': 'Waarde',
    'charts.trend.ci': 'Betrouwbaarheid (95 %)',
    'charts.trend.ciRange': '{low} tot {high}',
    'charts.trend.suppressed': 'te weinig antwoorden',
    'charts.trend.unknown': 'onbekend',
    'charts.trend.demo': 'demo-waarde, verzonnen',
    'charts.trend.target': 'Doel: {value}',
    'charts.trend.desc': '{name} van {first} tot {last}. De cijfers staan ook in de tabel.',
    'charts.trend.tableCaption': 'Cijfers van {name} per periode',
    'charts.map.legend': 'Legenda',
    'charts.map.noValue': 'geen cijfer',
    'charts.map.classRange': '{low} tot en met {high}',
    'charts.map.classLabel': 'klasse {n}',
    'charts.map.desc':
      'Kaart met {name} per gebied in {count} klassen. Elke klasse heeft een eigen kleur, patroon en nummer. De cijfers staan ook in de tabel.',
    'charts.map.tableCaption': '{name} per gebied',
    'charts.map.area': 'Gebied',
    'charts.map.class': 'Klasse',
    'charts.map.choose': 'Kies een cijfer voor de kaart',
    'charts.map.show': 'Toon op de kaart',
    'charts.unit.per1000': '{value} per 1.000 inwoners',
    'charts.unit.hours': '{value} uur',
    'charts.unit.days': '{value} dagen',
    'charts.unit.euro': '€ {value}',
  },
  en: {
    'charts.trend.period': 'Period',
    'charts.trend.value': 'Value',
    'charts.trend.ci': 'Confidence (95 %)',
    'charts.trend.ciRange': '{low} to {high}',
    'charts.trend.suppressed': 'too few answers',
    'charts.trend.unknown': 'unknown',
    'charts.trend.demo': 'demo value, invented',
    'charts.trend.target': 'Target: {value}',
    'charts.trend.desc': '{name} from {first} to {last}. The figures are also in the table.',
    'charts.trend.tableCaption': 'Figures of {name} per period',
    'charts.map.legend': 'Legend',
    'charts.map.noValue': 'no figure',
    'charts.map.classRange': '{low} up to and including {high}',
    'charts.map.classLabel': 'class {n}',
    'charts.map.desc':
      'Map of {name} per area in {count} classes. Each class has its own colour, pattern and number. The figures are also in the table.',
    'charts.map.tableCaption': '{name} per area',
    'charts.map.area': 'Area',
    'charts.map.class': 'Class',
    'charts.map.choose': 'Choose a figure for the map',
    'charts.map.show': 'Show on the map',
    'charts.unit.per1000': '{value} per 1,000 inhabitants',
    'charts.unit.hours': '{value} hours',
    'charts.unit.days': '{value} days',
    'charts.unit.euro': '€ {value}',
  },
});

declare module '../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
