import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Messages of the search synonyms page (coordinators) and of the search page's folded filters. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'socialmap.synonyms.nav': 'Zoekwoorden',
    'socialmap.synonyms.title': 'Zoekwoorden van de sociale kaart',
    'socialmap.synonyms.intro':
      'Bewoners zoeken met hun eigen woorden. Hier zet u welke woorden ook iets anders moeten vinden. Bijvoorbeeld: wie "koffie" zoekt, vindt ook de inloop.',
    'socialmap.synonyms.word': 'Als iemand zoekt op',
    'socialmap.synonyms.wordHint': 'Eén woord of een paar woorden, bijvoorbeeld: samen eten.',
    'socialmap.synonyms.alternatives': 'Zoek dan ook op',
    'socialmap.synonyms.alternativesHint': 'Woorden met een komma ertussen, bijvoorbeeld: eettafel, maaltijd. Hoogstens 10.',
    'socialmap.synonyms.actions': 'Aanpassen',
    'socialmap.synonyms.edit': 'Wijzigen',
    'socialmap.synonyms.delete': 'Weghalen',
    'socialmap.synonyms.none': 'Er zijn nog geen zoekwoorden.',
    'socialmap.synonyms.add': 'Zoekwoord toevoegen',
    'socialmap.synonyms.addSubmit': 'Toevoegen',
    'socialmap.synonyms.editTitle': 'Zoekwoord "{word}" wijzigen',
    'socialmap.synonyms.save': 'Opslaan',
    'socialmap.synonyms.back': 'Terug naar de zoekwoorden',
    'socialmap.synonyms.saved': 'Het zoekwoord is opgeslagen.',
    'socialmap.synonyms.deleted': 'Het zoekwoord is weggehaald.',
    'socialmap.synonyms.notFound': 'Dit zoekwoord bestaat niet (meer).',
    'socialmap.synonyms.error.word': 'Vul een woord in van 2 tot 60 tekens.',
    'socialmap.synonyms.error.alternatives':
      'Vul 1 tot 10 andere woorden in, met een komma ertussen. Elk woord heeft hoogstens 60 tekens en is niet hetzelfde als het zoekwoord.',
    'socialmap.synonyms.error.duplicate': 'Dit woord staat al in de lijst. Wijzig het daar.',
    'socialmap.find.form.moreFilters': 'Meer keuzes: soort aanbod, voor wie, toegankelijkheid en afstand',
    'socialmap.find.form.moreFiltersActive': '{count} gekozen',
    'socialmap.find.results.skip': 'Naar de resultaten',
  },
  en: {
    'socialmap.synonyms.nav': 'Search words',
    'socialmap.synonyms.title': 'Search words of the social map',
    'socialmap.synonyms.intro':
      'Residents search in their own words. Here you set which words should also find something else. For example: whoever searches for "koffie" also finds the walk-in.',
    'socialmap.synonyms.word': 'When someone searches for',
    'socialmap.synonyms.wordHint': 'One word or a few words, for example: samen eten.',
    'socialmap.synonyms.alternatives': 'Also search for',
    'socialmap.synonyms.alternativesHint': 'Words separated by a comma, for example: eettafel, maaltijd. At most 10.',
    'socialmap.synonyms.actions': 'Change',
    'socialmap.synonyms.edit': 'Edit',
    'socialmap.synonyms.delete': 'Remove',
    'socialmap.synonyms.none': 'There are no search words yet.',
    'socialmap.synonyms.add': 'Add a search word',
    'socialmap.synonyms.addSubmit': 'Add',
    'socialmap.synonyms.editTitle': 'Edit search word "{word}"',
    'socialmap.synonyms.save': 'Save',
    'socialmap.synonyms.back': 'Back to the search words',
    'socialmap.synonyms.saved': 'The search word has been saved.',
    'socialmap.synonyms.deleted': 'The search word has been removed.',
    'socialmap.synonyms.notFound': 'This search word does not exist (any more).',
    'socialmap.synonyms.error.word': 'Enter a word of 2 to 60 characters.',
    'socialmap.synonyms.error.alternatives':
      'Enter 1 to 10 other words, separated by a comma. Each word has at most 60 characters and is not the same as the search word.',
    'socialmap.synonyms.error.duplicate': 'This word is already in the list. Change it there.',
    'socialmap.find.form.moreFilters': 'More choices: kind of offer, for whom, accessibility and distance',
    'socialmap.find.form.moreFiltersActive': '{count} chosen',
    'socialmap.find.results.skip': 'Go to the results',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
