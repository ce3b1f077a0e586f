import type { DemoForum, DemoGoal, DemoLineActivity, DemoProgramme } from './demo.types.ts';

/**
 * Heerhugowaard's programme *Meedoen is winnen* (seed 001, 2010–2011): the effect, the two
 * tactical goals with their operational sub-goals (§3.2), the twelve line activities (§4.3), the
 * klankbordgroep and the wijkpanels. The eight project cards and Bijlage 1 are in
 * heerhugowaard-cards.ts. Line numbers are `cat -n` lines of the seed file.
 */
export const HHW_TENANT = 'GM1980';
export const S1 = 'Seed 001 (Meedoen is winnen, Heerhugowaard)';

export const HHW_PROGRAMME: DemoProgramme = {
  slug: 'meedoen-is-winnen',
  titleNl: 'Meedoen is winnen',
  titleEn: 'Taking part is winning',
  summaryNl:
    'Beoogd maatschappelijk effect: "een toename van de beleefde leefbaarheid doordat iedereen moet kunnen participeren in de samenleving" (l.224). De resultaten uit de Wijkmonitor 2009 gelden als nulmeting (l.228); de meetwaarden staan niet in de bron (l.412, l.447). Een lijnactiviteit wordt een project als zij niet meer het beoogde effect heeft; na afronding gaat een project terug naar de lijn (l.472-474).',
  summaryEn:
    'Intended effect: "an increase in experienced liveability because everyone must be able to take part in society" (l.224). The Wijkmonitor 2009 results are the baseline (l.228); the source gives no measured values (l.412, l.447). A line activity becomes a project when it no longer has the intended effect; at the end a project goes back to the line (l.472-474).',
  ownerRole: 'programmamanager (WOC)',
  startYear: 2010,
  endYear: 2011,
  sourceNote: `${S1}, l.1, l.220-228, l.518, l.530-532`,
};

export const HHW_GOALS: readonly DemoGoal[] = [
  {
    number: '1',
    parent: null,
    titleNl: 'Versterken van participatie binnen wijken en buurten',
    titleEn: 'Strengthening participation in neighbourhoods',
    descriptionNl:
      'SMART: % burgers actief in de wijk minimaal 20% (WM 9); tevredenheid over betrekken bewoners minimaal 35% (WM 10); % dat zich verantwoordelijk voelt voor de leefbaarheid minimaal 80% (WM 11); % vrijwilligerswerk minimaal 33% (WM 59).',
    descriptionEn:
      'SMART: % active in the neighbourhood at least 20% (WM 9); satisfaction with how residents are involved at least 35% (WM 10); % feeling responsible for liveability at least 80% (WM 11); % volunteering at least 33% (WM 59).',
    sourceNote: `${S1}, l.230, l.238-246, l.410-422`,
  },
  {
    number: '1a',
    parent: '1',
    titleNl: 'Het stimuleren en ondersteunen van vrijwilligers in wijken',
    titleEn: 'Encouraging and supporting volunteers in neighbourhoods',
    sourceNote: `${S1}, l.234`,
  },
  {
    number: '1b',
    parent: '1',
    titleNl: 'Toename van betrokkenheid van burgers, organisaties, bedrijven en instellingen over ontwikkelingen in hun wijk',
    titleEn: 'More involvement of residents, organisations, businesses and institutions in developments in their neighbourhood',
    sourceNote: `${S1}, l.236`,
  },
  {
    number: '2',
    parent: null,
    titleNl: 'Meer sociale samenhang, steviger informeel en formeel netwerk in wijken en buurten',
    titleEn: 'More social cohesion, a stronger informal and formal network in neighbourhoods',
    descriptionNl:
      'SMART: kengetal sociale cohesie minimaal 6,2 (WM 7); % tevreden over sociale voorzieningen minimaal 41% (WM 24); % voldoende mogelijkheden tot sociaal contact minimaal 39% (WM 25); 82% heeft voldoende contact met andere mensen (WM 71).',
    descriptionEn:
      'SMART: social cohesion index at least 6.2 (WM 7); % satisfied with social facilities at least 41% (WM 24); % seeing enough opportunities for social contact at least 39% (WM 25); 82% have enough contact with other people (WM 71).',
    sourceNote: `${S1}, l.248, l.258-266, l.445-457`,
  },
  {
    number: '2a',
    parent: '2',
    titleNl: 'Ondersteunen van de individuele zelfredzaamheid van wijkbewoners',
    titleEn: 'Supporting the individual self-reliance of residents',
    sourceNote: `${S1}, l.252`,
  },
  {
    number: '2b',
    parent: '2',
    titleNl: 'Vergroten van contactmomenten, toename van contact tussen wijkbewoners',
    titleEn: 'More moments of contact, more contact between residents',
    sourceNote: `${S1}, l.254`,
  },
  {
    number: '2c',
    parent: '2',
    titleNl: 'Verstevigen van sociaal netwerk als vangnet',
    titleEn: 'Strengthening the social network as a safety net',
    sourceNote: `${S1}, l.256`,
  },
];

/**
 * Which monitor targets (created by the monitor's demo seed, by indicator code) operationalise
 * which tactical goal: "Deze beide / Deze drie zijn geoperationaliseerd in …" (l.238-246, l.258-266).
 */
export const HHW_GOAL_TARGETS: Readonly<Record<string, readonly string[]>> = {
  '1': ['wm09_active', 'wm10_involvement_satisfied', 'wm11_responsible', 'wm59_volunteering'],
  '2': ['wm07_cohesion', 'wm24_social_facilities', 'wm25_contact_opportunities', 'wm71_enough_contact'],
};

const la = (number: number, titleNl: string, titleEn: string): DemoLineActivity => ({
  number,
  titleNl,
  titleEn,
  sourceNote: `${S1}, l.${476 + 2 * number}`,
});

/** §4.3 "Aanpalende lijnactiviteiten" (l.478-500: activity n is on line 476 + 2n). */
export const HHW_LINE_ACTIVITIES: readonly DemoLineActivity[] = [
  la(
    1,
    'Welzijnswerk algemeen, ontmoetingsfunctie en ondersteuning kwetsbare groepen in het bijzonder',
    'General welfare work, the meeting function and support of vulnerable groups in particular',
  ),
  la(2, 'Verenigingswinkel als vrijwilligersondersteuning', 'The Verenigingswinkel as volunteer support'),
  la(3, 'Ondersteuning mantelzorg', 'Support for informal carers'),
  la(
    4,
    'Netwerkontwikkeling vrijwilligersorganisaties gekoppeld aan WMO',
    'Network development of volunteer organisations linked to the Wmo',
  ),
  la(5, 'Pakketmaatregelen en andere WMO-verstrekkingen', 'Package measures and other Wmo provisions'),
  la(6, 'Armoedebestrijding', 'Fighting poverty'),
  la(7, 'Overlast bestrijding, handhaving en buurtbemiddeling', 'Fighting nuisance, enforcement and neighbourhood mediation'),
  la(8, 'Subsidiëring ISP', 'Subsidising the ISP'),
  la(9, 'Zo kan het ook, innovatiefonds', '"Zo kan het ook" innovation fund'),
  la(10, 'Contacten wijkbeheer met wijk/wijkpanels', 'Contacts of neighbourhood management with the neighbourhood and its panels'),
  la(11, 'Ondersteuning wijkpanels door opbouwwerk', 'Support of the neighbourhood panels by community workers'),
  la(12, 'Grootonderhoudsprojecten, sociale aspecten', 'Major maintenance projects, social aspects'),
];

export const HHW_FORUMS: readonly DemoForum[] = [
  {
    name: 'Klankbordgroep Meedoen is winnen',
    kind: 'sounding_board',
    rhythmMonths: null,
    descriptionNl:
      'Evalueert het programma op gezette tijden, stelt het bij en neemt nieuwe ontwikkelingen mee. Vier leden: de coördinator voorzieningen (SRO), de stafadviseur burgerparticipatie en communicatie (concernstaf), de coördinator wijkbeheer (WOC) en de programmamanager (WOC). Verantwoording aan het sectorteam Stadsbeheer en het Management Team.',
    descriptionEn:
      'Evaluates and adjusts the programme at set times and takes in new developments. Four members: the coordinator of facilities (SRO), the staff adviser on citizen participation and communication (corporate staff), the coordinator of neighbourhood management (WOC) and the programme manager (WOC). Accountable to the Stadsbeheer sector team and the Management Team.',
    sourceNote: `${S1}, l.518-520`,
  },
  {
    name: 'Wijkpanels',
    kind: 'panel',
    rhythmMonths: null,
    descriptionNl:
      'De wijkpanels spelen een centrale rol in het wijkgericht werken (l.670); wijkbeheer onderhoudt contact met de wijkpanels en het opbouwwerk ondersteunt ze (lijnactiviteiten 10 en 11). Het ritme van hun overleg staat niet in de bron.',
    descriptionEn:
      'The neighbourhood panels have a central role in neighbourhood-based work (l.670); neighbourhood management keeps in touch with them and community workers support them (line activities 10 and 11). The source does not give how often they meet.',
    sourceNote: `${S1}, l.496-498, l.670, l.684`,
  },
];
