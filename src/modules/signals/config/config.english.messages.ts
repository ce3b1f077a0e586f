import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the English fields on the signals settings pages (issue 12): groups, extra questions, standard texts. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'signals.config.group.edit': 'Wijzig groep: {name}',
    'signals.config.group.editTitle': 'Groep wijzigen: {name}',
    'signals.config.group.save': 'Groep opslaan',
    'signals.config.error.groupNotFound': 'Deze groep bestaat niet (meer).',
    'signals.config.q.english': 'In het Engels (niet verplicht)',
    'signals.config.q.english.intro':
      'Voor melders die de Engelse pagina’s gebruiken. Leeg? Dan zien zij de Nederlandse tekst. Het antwoord bewaren we altijd in het Nederlands.',
    'signals.config.q.labelEn': 'Vraag in het Engels',
    'signals.config.q.optionsEn': 'Antwoorden in het Engels',
    'signals.config.q.optionsEn.hint': 'Eén per regel, in dezelfde volgorde als de Nederlandse antwoorden, en even veel.',
    'signals.config.error.optionsEnCount':
      'Vul even veel Engelse als Nederlandse antwoorden in, één per regel, in dezelfde volgorde. Of laat dit veld leeg.',
    'signals.config.error.optionsEnType': 'Engelse antwoorden horen alleen bij "Keuze uit een lijst". Laat dit veld leeg.',
    'signals.config.texts.english': 'Tekst in het Engels (niet verplicht)',
    'signals.config.texts.english.hint':
      'Voor melders die in het Engels hebben gemeld: zij krijgen deze tekst in hun mail en op de volgpagina. Leeg? Dan krijgen zij de Nederlandse tekst.',
  },
  en: {
    'signals.config.group.edit': 'Change group: {name}',
    'signals.config.group.editTitle': 'Change group: {name}',
    'signals.config.group.save': 'Save group',
    'signals.config.error.groupNotFound': 'This group does not exist (any more).',
    'signals.config.q.english': 'In English (optional)',
    'signals.config.q.english.intro':
      'For reporters who use the English pages. Empty? Then they see the Dutch text. The answer is always stored in Dutch.',
    'signals.config.q.labelEn': 'Question in English',
    'signals.config.q.optionsEn': 'Answers in English',
    'signals.config.q.optionsEn.hint': 'One per line, in the same order as the Dutch answers, and as many.',
    'signals.config.error.optionsEnCount':
      'Enter as many English answers as Dutch ones, one per line, in the same order. Or leave this field empty.',
    'signals.config.error.optionsEnType': 'English answers only belong to "Choice from a list". Leave this field empty.',
    'signals.config.texts.english': 'Text in English (optional)',
    'signals.config.texts.english.hint':
      'For reporters who reported in English: they get this text in their mail and on the tracking page. Empty? Then they get the Dutch text.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
