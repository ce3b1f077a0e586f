import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the neighbourhood page's blocks (the four functions, updated-at, the map per figure). Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'areas.blocks.overview': 'Hoe gaat het hier?',
    'areas.blocks.explain.meet': 'Mensen zien elkaar: bij activiteiten, in buurthuizen en op andere plekken in de buurt.',
    'areas.blocks.explain.know': 'Mensen kennen hun buren en voelen zich met elkaar verbonden.',
    'areas.blocks.explain.help': 'Buren helpen elkaar, met kleine en grote dingen. En: hoe snel meldingen over de buurt worden opgepakt.',
    'areas.blocks.explain.together': 'Bewoners doen samen iets voor de buurt: een plan, een activiteit, vrijwilligerswerk.',
    'areas.blocks.noData': 'Nog geen gegevens.',
    'areas.blocks.fill.meet':
      'Dit vullen activiteiten en ontmoetingsplekken op de sociale kaart, en een enquête met de vraag hoe vaak mensen elkaar zien.',
    'areas.blocks.fill.know': 'Dit vult een enquête met de cohesieschaal (Veiligheidsmonitor) of de vragen van de wijkmonitor.',
    'areas.blocks.fill.help': 'Dit vullen hulpvragen en hulpaanbod op dit platform, meldingen, en een enquête met vragen over hulp.',
    'areas.blocks.fill.together': 'Dit vullen bewonersinitiatieven (komt later) en vrijwilligerswerk uit de wijkmonitor.',
    'areas.blocks.updated': 'Bijgewerkt op {when}.',
    'areas.blocks.notComputed': 'De cijfers van deze pagina zijn nog niet berekend. Dat gebeurt elke paar minuten.',
    'areas.blocks.mapTitle': 'Kaart per cijfer',
    'areas.blocks.tableTitle': 'Wijken in cijfers',
    'areas.blocks.headline': '{fn}: {name}',
    'areas.blocks.class': 'Vergeleken met de gemeente',
    'areas.blocks.class.above': 'beter',
    'areas.blocks.class.around': 'rond gemiddeld',
    'areas.blocks.class.below': 'minder goed',
    'areas.blocks.suppressed': 'te weinig antwoorden',
    'areas.blocks.demo': 'demo-waarde, verzonnen',
    'areas.blocks.none': 'geen cijfer',
  },
  en: {
    'areas.blocks.overview': 'How are we doing here?',
    'areas.blocks.explain.meet': 'People see each other: at activities, in community centres and at other places in the neighbourhood.',
    'areas.blocks.explain.know': 'People know their neighbours and feel connected to each other.',
    'areas.blocks.explain.help':
      'Neighbours help each other, with small and big things. And: how quickly reports about the neighbourhood are picked up.',
    'areas.blocks.explain.together': 'Residents do something together for the neighbourhood: a plan, an activity, volunteering.',
    'areas.blocks.noData': 'No data yet.',
    'areas.blocks.fill.meet':
      'Activities and meeting places on the social map fill this, and a survey asking how often people see each other.',
    'areas.blocks.fill.know':
      'A survey with the cohesion scale (Veiligheidsmonitor) or the questions of the neighbourhood monitor fills this.',
    'areas.blocks.fill.help':
      'Requests for and offers of help on this platform, reports, and a survey with questions about help fill this.',
    'areas.blocks.fill.together': 'Residents’ initiatives (coming later) and volunteering from the neighbourhood monitor fill this.',
    'areas.blocks.updated': 'Updated on {when}.',
    'areas.blocks.notComputed': 'The figures on this page have not been computed yet. That happens every few minutes.',
    'areas.blocks.mapTitle': 'Map per figure',
    'areas.blocks.tableTitle': 'Districts in figures',
    'areas.blocks.headline': '{fn}: {name}',
    'areas.blocks.class': 'Compared with the municipality',
    'areas.blocks.class.above': 'better',
    'areas.blocks.class.around': 'around average',
    'areas.blocks.class.below': 'less good',
    'areas.blocks.suppressed': 'too few answers',
    'areas.blocks.demo': 'demo value, invented',
    'areas.blocks.none': 'no figure',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
