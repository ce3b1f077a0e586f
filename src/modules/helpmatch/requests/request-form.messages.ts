import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Texts of the request form in two steps: one-off or weekly first, the place from the address (issue 12; B1). */
export const messages = defineMessages({
  nl: {
    'helpmatch.ask.stepKind': 'Stap 1 van 2: wat voor hulp?',
    'helpmatch.ask.stepDetails': 'Stap 2 van 2: vertel meer',
    'helpmatch.ask.kindLegend': 'Is het één keer, of elke week?',
    'helpmatch.ask.kind.once': 'Eén keer. Bijvoorbeeld een klusje, of een keer mee naar het ziekenhuis.',
    'helpmatch.ask.kind.weekly': 'Elke week (vaste hulp). Bijvoorbeeld elke donderdag samen boodschappen doen.',
    'helpmatch.ask.changeKind': 'Iets anders kiezen bij stap 1',
    'helpmatch.submit.next': 'Verder',
    'helpmatch.ask.kindRequired': 'Kies of het één keer is of elke week.',
    'helpmatch.ask.onceLegend': 'Wanneer? (één keer)',
    'helpmatch.ask.weeklyLegend': 'Op welke momenten, elke week?',
    'helpmatch.field.postcode': 'Postcode',
    'helpmatch.field.postcodeHint': 'Bijvoorbeeld 9712 AB. Hiermee zoeken we helpers bij u in de buurt.',
    'helpmatch.field.street': 'Straat en huisnummer',
    'helpmatch.field.streetHint':
      'Bijvoorbeeld Oosterstraat 10. Anderen zien alleen de buurt. De helper ziet het adres pas als u de helper heeft gekozen.',
    'helpmatch.field.mapLabel': 'Of wijs de plek aan op de kaart',
    'helpmatch.field.mapHint': 'Dit hoeft niet: het adres is genoeg. Een punt op de kaart gaat voor het adres.',
    'helpmatch.field.vulnerableSelf':
      'Ik ben kwetsbaar. Dan komen alleen helpers in aanmerking van wie de coördinator een VOG heeft gezien.',
    'helpmatch.field.vulnerableOther':
      'De persoon voor wie ik vraag is kwetsbaar. Dan komen alleen helpers in aanmerking van wie de coördinator een VOG heeft gezien.',
    'helpmatch.field.radiusHint':
      'Hoe kleiner de afstand, hoe minder helpers. Weet u het niet? Kies dan "maakt niet uit": u kiest zelf of u de helper wilt.',
    'helpmatch.field.reachHint':
      'U ziet en krijgt alleen hulpvragen binnen deze afstand van uw huis. Kiest u "lopen, tot 1 kilometer", dan ziet u vragen die verder weg zijn niet. Twijfelt u? Kies een grotere afstand: u zegt altijd zelf ja of nee.',
  },
  en: {
    'helpmatch.ask.stepKind': 'Step 1 of 2: what kind of help?',
    'helpmatch.ask.stepDetails': 'Step 2 of 2: tell us more',
    'helpmatch.ask.kindLegend': 'Is it once, or every week?',
    'helpmatch.ask.kind.once': 'Once. For example a small job, or going to the hospital with you once.',
    'helpmatch.ask.kind.weekly': 'Every week (regular help). For example doing the shopping together every Thursday.',
    'helpmatch.ask.changeKind': 'Choose something else in step 1',
    'helpmatch.submit.next': 'Next',
    'helpmatch.ask.kindRequired': 'Choose whether it is once or every week.',
    'helpmatch.ask.onceLegend': 'When? (once)',
    'helpmatch.ask.weeklyLegend': 'At which moments, every week?',
    'helpmatch.field.postcode': 'Postcode',
    'helpmatch.field.postcodeHint': 'For example 9712 AB. We use it to find helpers near you.',
    'helpmatch.field.street': 'Street and house number',
    'helpmatch.field.streetHint':
      'For example Oosterstraat 10. Others only see the neighbourhood. The helper sees the address only after you have chosen them.',
    'helpmatch.field.mapLabel': 'Or point to the place on the map',
    'helpmatch.field.mapHint': 'You do not have to: the address is enough. A point on the map goes before the address.',
    'helpmatch.field.vulnerableSelf': 'I am vulnerable. Then only helpers whose VOG the coordinator has seen qualify.',
    'helpmatch.field.vulnerableOther':
      'The person I am asking for is vulnerable. Then only helpers whose VOG the coordinator has seen qualify.',
    'helpmatch.field.radiusHint':
      'The smaller the distance, the fewer helpers. Not sure? Choose "does not matter": you decide yourself whether you want the helper.',
    'helpmatch.field.reachHint':
      'You only see and get requests within this distance of your home. If you choose "walking, up to 1 kilometre", you do not see requests farther away. Not sure? Choose a larger distance: you always decide yourself.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
