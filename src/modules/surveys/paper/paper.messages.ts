import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of paper entry (plain Dutch, B1). */
export const messages = defineMessages({
  nl: {
    'surveys.paper.nav': 'Papieren enquêtes invoeren',
    'surveys.paper.title': 'Papieren enquêtes invoeren',
    'surveys.paper.intro':
      'Heeft een bewoner een enquête op papier ingevuld? Voer de antwoorden hier in, met de code op het formulier. Elke code werkt één keer.',
    'surveys.paper.anonymous':
      'We bewaren niet wie de antwoorden invoert en niet welke code erbij hoorde. Alleen de buurt, de antwoorden en de dag worden bewaard.',
    'surveys.paper.none': 'Er is nu geen open enquête.',
    'surveys.paper.formTitle': 'Papieren formulier invoeren: {title}',
    'surveys.paper.code': 'Code op het formulier',
    'surveys.paper.save': 'Formulier opslaan',
    'surveys.paper.saved': 'Het formulier is opgeslagen. U kunt het volgende formulier invoeren.',
  },
  en: {
    'surveys.paper.nav': 'Enter paper surveys',
    'surveys.paper.title': 'Enter paper surveys',
    'surveys.paper.intro':
      'Did a resident fill in a survey on paper? Enter the answers here, with the code on the form. Each code works once.',
    'surveys.paper.anonymous':
      'We do not keep who enters the answers or which code belonged to them. Only the neighbourhood, the answers and the day are kept.',
    'surveys.paper.none': 'There is no open survey now.',
    'surveys.paper.formTitle': 'Enter a paper form: {title}',
    'surveys.paper.code': 'Code on the form',
    'surveys.paper.save': 'Save form',
    'surveys.paper.saved': 'The form has been saved. You can enter the next form.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
