import { defineMessages, type CatalogueKeys } from '../../../platform/i18n/index.ts';

/** Messages of the photos on signals (upload on the report form, thumbnails for staff and the reporter). Plain Dutch (B1). */
export const messages = defineMessages({
  nl: {
    'signals.photos.label': "Foto's (niet verplicht)",
    'signals.photos.hint':
      "U kunt maximaal 5 foto's van elk maximaal 10 MB toevoegen: JPEG, PNG of WebP. Zet geen mensen op de foto als dat niet nodig is.",
    'signals.photos.addedOne': '1 foto toegevoegd',
    'signals.photos.addedMany': "{n} foto's toegevoegd",
    'signals.photos.addedHint': 'U hoeft deze foto niet opnieuw te kiezen. Wilt u een foto niet meesturen? Vink hem dan aan.',
    'signals.photos.pendingItem': 'Foto {n}: {name} ({width} × {height})',
    'signals.photos.remove': 'Foto {n} niet meesturen',
    'signals.photos.title': "Foto's",
    'signals.photos.alt': 'Foto {n} bij melding {id}',
    'signals.photos.open': 'Foto {n} groot bekijken',
    'signals.photos.received': "Met uw melding hebben we {n} foto('s) ontvangen.",
    'signals.photos.error.notAPhoto': 'Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.',
    'signals.photos.error.tooLarge': 'Deze foto is groter dan 10 MB. Kies een kleinere foto.',
    'signals.photos.error.tooManyPixels': 'Deze foto heeft te veel beeldpunten. Kies een kleinere foto (maximaal 40 megapixel).',
    'signals.photos.error.tooMany': "U kunt maximaal 5 foto's meesturen. Kies minder foto's.",
    'signals.photos.error.worry':
      "Bij een zorg over een buurtgenoot sturen we geen foto's mee. Haal de foto's weg en stuur de melding opnieuw.",
    'signals.photos.error.withName': '{name}: {message}',
    'signals.photos.error.notFound': 'Deze foto bestaat niet.',
  },
  en: {
    'signals.photos.label': 'Photos (optional)',
    'signals.photos.hint':
      'You can add up to 5 photos of at most 10 MB each: JPEG, PNG or WebP. Avoid people in the picture when not needed.',
    'signals.photos.addedOne': '1 photo added',
    'signals.photos.addedMany': '{n} photos added',
    'signals.photos.addedHint': 'You do not need to choose this photo again. Do not want to send a photo? Tick it.',
    'signals.photos.pendingItem': 'Photo {n}: {name} ({width} × {height})',
    'signals.photos.remove': 'Do not send photo {n}',
    'signals.photos.title': 'Photos',
    'signals.photos.alt': 'Photo {n} of report {id}',
    'signals.photos.open': 'View photo {n} full size',
    'signals.photos.received': 'We received {n} photo(s) with your report.',
    'signals.photos.error.notAPhoto': 'This file is not a photo. Choose a JPEG, PNG or WebP file.',
    'signals.photos.error.tooLarge': 'This photo is larger than 10 MB. Choose a smaller photo.',
    'signals.photos.error.tooManyPixels': 'This photo has too many pixels. Choose a smaller photo (at most 40 megapixels).',
    'signals.photos.error.tooMany': 'You can send at most 5 photos. Choose fewer photos.',
    'signals.photos.error.worry': 'A worry about a neighbour is sent without photos. Remove the photos and send it again.',
    'signals.photos.error.withName': '{name}: {message}',
    'signals.photos.error.notFound': 'This photo does not exist.',
  },
});

declare module '../../../platform/i18n/index.ts' {
  interface MessageKeys extends CatalogueKeys<typeof messages> {}
}
