import { defineMessages, type CatalogueKeys } from '../platform/i18n/index.ts';

/** Texts of the maps (src/ui/map.tsx and its island public/map.js). Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'map.noScript': 'De kaart werkt alleen met JavaScript. U kunt ook gewoon het adres invullen.',
    'map.pickerHint': 'Klik op de kaart of sleep de speld naar de plek. Het adres invullen kan ook.',
    'map.useMyLocation': 'Gebruik mijn locatie',
    'map.locating': 'Uw locatie wordt gezocht …',
    'map.locationDenied': 'Uw locatie is niet bekend. Klik op de kaart of vul het adres in.',
    'map.pinAt': 'De speld staat op {lat}, {lon}.',
    'map.pinNone': 'Er staat nog geen speld op de kaart.',
    'map.removePin': 'Speld weghalen',
    'map.pinRemoved': 'De speld is weggehaald. Vul dan het adres in.',
    'map.tilesFailed': 'De achtergrondkaart laadt niet. U kunt wel een plek kiezen of het adres invullen.',
    'map.keyboardHint':
      'Met het toetsenbord: ga naar de kaart, schuif met de pijltjes en druk op Enter om de speld in het midden te zetten.',
    'map.pointsHint': 'Dezelfde plekken staan ook in de lijst.',
    'map.marker': 'Speld',
  },
  en: {
    'map.noScript': 'The map needs JavaScript. You can also just fill in the address.',
    'map.pickerHint': 'Click on the map or drag the pin to the spot. You can also fill in the address.',
    'map.useMyLocation': 'Use my location',
    'map.locating': 'Finding your location …',
    'map.locationDenied': 'Your location is not known. Click on the map or fill in the address.',
    'map.pinAt': 'The pin is at {lat}, {lon}.',
    'map.pinNone': 'There is no pin on the map yet.',
    'map.removePin': 'Remove the pin',
    'map.pinRemoved': 'The pin has been removed. Please fill in the address.',
    'map.tilesFailed': 'The background map does not load. You can still choose a spot or fill in the address.',
    'map.keyboardHint': 'With the keyboard: go to the map, move it with the arrow keys and press Enter to put the pin in the middle.',
    'map.pointsHint': 'The same places are also in the list.',
    'map.marker': 'Pin',
  },
});

declare module '../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
