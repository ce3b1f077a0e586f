import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of "samen leren": a municipality's experiments and what every municipality shares (B1). */
export const messages = defineMessages({
  nl: {
    'evaluation.learning.nav': 'Samen leren',
    'evaluation.learning.title': 'Samen leren in {name}',
    'evaluation.learning.lead':
      'Wat probeert {name} bewust uit, en wat levert het op? Een experiment is een aanpak in de ene wijk, en in vergelijkbare wijken niet. Zo zien we of de aanpak verschil maakt.',
    'evaluation.learning.staffNote':
      'Je bent medewerker: je ziet ook concepten en evaluaties die niet gepubliceerd zijn. Bewoners en andere gemeenten zien alleen wat gepubliceerd is.',
    'evaluation.learning.experiments': 'Experimenten',
    'evaluation.learning.noExperiments': 'Er zijn nog geen experimenten.',
    'evaluation.learning.status': 'Stand',
    'evaluation.learning.status.draft': 'concept',
    'evaluation.learning.status.running': 'loopt',
    'evaluation.learning.status.finished': 'afgerond',
    'evaluation.learning.notPublished': 'niet gepubliceerd',
    'evaluation.learning.intervention': 'Met de aanpak',
    'evaluation.learning.comparison': 'Vergeleken met',
    'evaluation.learning.period': 'Start',
    'evaluation.learning.periodUntil': '{start} tot {end}',
    'evaluation.learning.question': 'De vraag',
    'evaluation.learning.latest': 'Laatste uitkomst',
    'evaluation.learning.noResult': 'Nog geen uitkomst berekend.',
    'evaluation.learning.readResult': 'Lees de uitkomst: {title}',
    'evaluation.learning.demoNote':
      'Dit is een demo. Alle cijfers van dit experiment zijn verzonnen om te laten zien hoe het werkt; het zijn geen echte meetwaarden.',
    'evaluation.learning.demoCard': 'demokaart',
    'evaluation.learning.cards': 'Interventiekaarten van {name}',
    'evaluation.learning.noCards': '{name} heeft nog geen interventiekaarten gepubliceerd.',
    'evaluation.learning.toInstallation': 'Wat delen andere gemeenten? Bekijk samen leren van alle gemeenten',
    'evaluation.learning.shared.title': 'Samen leren: wat gemeenten delen',
    'evaluation.learning.shared.lead':
      'Elke gemeente bepaalt zelf wat ze deelt. Hier staat alleen wat een gemeente heeft gepubliceerd: haar experimenten en haar interventiekaarten. Concepten staan er nooit bij.',
    'evaluation.learning.shared.none': 'Nog niets gedeeld.',
    'evaluation.learning.shared.noMunicipalities': 'Er zijn nog geen gemeenten.',
    'evaluation.learning.shared.toMunicipality': 'Naar samen leren in {name}',
    'evaluation.learning.shared.cards': 'Interventiekaarten',
  },
  en: {
    'evaluation.learning.nav': 'Learning together',
    'evaluation.learning.title': 'Learning together in {name}',
    'evaluation.learning.lead':
      'What does {name} deliberately try out, and what does it achieve? An experiment is an approach in one neighbourhood and not in similar ones. That way we see whether the approach makes a difference.',
    'evaluation.learning.staffNote':
      'You are staff: you also see drafts and evaluations that are not published. Residents and other municipalities only see what is published.',
    'evaluation.learning.experiments': 'Experiments',
    'evaluation.learning.noExperiments': 'There are no experiments yet.',
    'evaluation.learning.status': 'Status',
    'evaluation.learning.status.draft': 'draft',
    'evaluation.learning.status.running': 'running',
    'evaluation.learning.status.finished': 'finished',
    'evaluation.learning.notPublished': 'not published',
    'evaluation.learning.intervention': 'With the approach',
    'evaluation.learning.comparison': 'Compared with',
    'evaluation.learning.period': 'Start',
    'evaluation.learning.periodUntil': '{start} to {end}',
    'evaluation.learning.question': 'The question',
    'evaluation.learning.latest': 'Latest result',
    'evaluation.learning.noResult': 'No result computed yet.',
    'evaluation.learning.readResult': 'Read the result: {title}',
    'evaluation.learning.demoNote':
      'This is a demo. All figures of this experiment are invented to show how it works; they are not real measurements.',
    'evaluation.learning.demoCard': 'demo card',
    'evaluation.learning.cards': 'Intervention cards of {name}',
    'evaluation.learning.noCards': '{name} has not published any intervention cards yet.',
    'evaluation.learning.toInstallation': 'What do other municipalities share? See learning together across all municipalities',
    'evaluation.learning.shared.title': 'Learning together: what municipalities share',
    'evaluation.learning.shared.lead':
      'Each municipality decides what it shares. Only what a municipality published is here: its experiments and its intervention cards. Drafts never are.',
    'evaluation.learning.shared.none': 'Nothing shared yet.',
    'evaluation.learning.shared.noMunicipalities': 'There are no municipalities yet.',
    'evaluation.learning.shared.toMunicipality': 'To learning together in {name}',
    'evaluation.learning.shared.cards': 'Intervention cards',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
