import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Messages of the geocoder (areas module): what a resident reads when an address cannot be placed. Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'areas.geocode.postcodeMalformed': 'Dit is geen goede postcode. Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 9712 AB.',
    'areas.geocode.houseNumberMalformed': 'Dit is geen goed huisnummer. Gebruik cijfers, eventueel met een letter, bijvoorbeeld 12 of 12a.',
    'areas.geocode.addressMalformed': 'Vul een adres in, bijvoorbeeld Oosterstraat 10, of uw postcode en huisnummer.',
    'areas.geocode.postcodeUnknown': 'We kennen postcode {postcode} niet. Kijk of de postcode goed is.',
    'areas.geocode.houseNumberUnknown': 'Huisnummer {number} hoort niet bij postcode {postcode}. Kijk of het huisnummer goed is.',
    'areas.geocode.numberNotOnStreet': 'Huisnummer {number} kennen we niet in de {street}. Kijk of het huisnummer goed is.',
    'areas.geocode.addressUnknown':
      'We kennen dit adres niet. Vul straat en huisnummer in, bijvoorbeeld Oosterstraat 10, of uw postcode en huisnummer.',
    'areas.geocode.outside': 'Dit adres ligt niet in de gemeente {municipality}. Vul een adres in de gemeente in.',
    'areas.geocode.postcodeOutside': 'Postcode {postcode} ligt niet in de gemeente {municipality}. Vul een adres in de gemeente in.',
    'areas.geocode.pointOutside': 'Deze plek ligt niet in de gemeente {municipality}. Kies een plek in de gemeente.',
    'areas.geocode.pointMalformed': 'Deze plek op de kaart klopt niet. Kies de plek opnieuw, of vul een adres in.',
    'areas.geocode.unreachable':
      'We kunnen adressen nu niet opzoeken: de adressendienst antwoordt niet. Vul uw postcode in, of probeer het over een paar minuten opnieuw.',
    'areas.geocode.note.pc4': 'We zoeken vanaf het midden van postcodegebied {pc4}.',
    'areas.geocode.note.street': 'We zoeken vanaf het midden van de {street}.',
    'areas.geocode.note.postcode': 'We zoeken vanaf het midden van postcode {postcode}.',
    'areas.geocode.suggest.label': 'Adressen die passen',
    'areas.geocode.suggest.count': '{count} adressen gevonden. Kies met pijltje omlaag en Enter.',
    'areas.geocode.suggest.one': '1 adres gevonden. Kies met pijltje omlaag en Enter.',
    'areas.geocode.reject.columns': 'kolommen ontbreken: {columns}',
    'areas.geocode.reject.postcode': 'postcode klopt niet ({value})',
    'areas.geocode.reject.number': 'huisnummer klopt niet ({value})',
    'areas.geocode.reject.suffix': 'huisletter of toevoeging klopt niet ({value})',
    'areas.geocode.reject.streetOrPlace': 'straat of woonplaats ontbreekt of is te lang',
    'areas.geocode.reject.coordinates': 'coördinaten ontbreken of liggen niet in Nederland',
    'areas.geocode.reject.outside': 'ligt niet in de gemeente ({address})',
    'areas.geocode.reject.duplicate': 'adres komt meer dan één keer voor',
  },
  en: {
    'areas.geocode.postcodeMalformed': 'This is not a valid postcode. A postcode has 4 digits and 2 letters, for example 9712 AB.',
    'areas.geocode.houseNumberMalformed': 'This is not a valid house number. Use digits, optionally with a letter, for example 12 or 12a.',
    'areas.geocode.addressMalformed': 'Enter an address, for example Oosterstraat 10, or your postcode and house number.',
    'areas.geocode.postcodeUnknown': 'We do not know postcode {postcode}. Check that the postcode is right.',
    'areas.geocode.houseNumberUnknown': 'House number {number} is not on postcode {postcode}. Check that the house number is right.',
    'areas.geocode.numberNotOnStreet': 'We do not know house number {number} on {street}. Check that the house number is right.',
    'areas.geocode.addressUnknown':
      'We do not know this address. Enter street and house number, for example Oosterstraat 10, or your postcode and house number.',
    'areas.geocode.outside': 'This address is not in the municipality of {municipality}. Enter an address in the municipality.',
    'areas.geocode.postcodeOutside':
      'Postcode {postcode} is not in the municipality of {municipality}. Enter an address in the municipality.',
    'areas.geocode.pointOutside': 'This place is not in the municipality of {municipality}. Choose a place in the municipality.',
    'areas.geocode.pointMalformed': 'This place on the map is not right. Choose the place again, or enter an address.',
    'areas.geocode.unreachable':
      'We cannot look up addresses right now: the address service does not answer. Enter your postcode, or try again in a few minutes.',
    'areas.geocode.note.pc4': 'We search from the middle of postcode area {pc4}.',
    'areas.geocode.note.street': 'We search from the middle of {street}.',
    'areas.geocode.note.postcode': 'We search from the middle of postcode {postcode}.',
    'areas.geocode.suggest.label': 'Matching addresses',
    'areas.geocode.suggest.count': '{count} addresses found. Choose with arrow down and Enter.',
    'areas.geocode.suggest.one': '1 address found. Choose with arrow down and Enter.',
    'areas.geocode.reject.columns': 'columns missing: {columns}',
    'areas.geocode.reject.postcode': 'postcode is not right ({value})',
    'areas.geocode.reject.number': 'house number is not right ({value})',
    'areas.geocode.reject.suffix': 'house letter or addition is not right ({value})',
    'areas.geocode.reject.streetOrPlace': 'street or place is missing or too long',
    'areas.geocode.reject.coordinates': 'coordinates are missing or not in the Netherlands',
    'areas.geocode.reject.outside': 'not in the municipality ({address})',
    'areas.geocode.reject.duplicate': 'address appears more than once',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
