import type { DemoUpdate } from './types.js';

export const demoUpdates: readonly DemoUpdate[] = [
  {
    title: 'Explosions shake Kyiv before dawn as a full-scale assault begins',
    summary:
      'Residents in several districts woke to loud blasts shortly after five in the morning while sirens wailed over the capital. Similar reports came in from Kharkiv, Odesa and Dnipro within minutes.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/02/24/explosions-shake-kyiv-before-dawn-as-a-full-scale-assault-begins',
    publishedAt: '2022-02-24T03:07:00Z',
    topics: ['military'],
  },
  {
    title: 'Armoured columns cross the border from the north, east and south',
    summary:
      'The defence ministry said ground forces had entered the country at several points, including from Belarus. Border guards reported attacks on their posts along the northern frontier.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/02/24/armoured-columns-cross-the-border-from-the-north-east-and-south',
    author: 'Ilse Varga',
    publishedAt: '2022-02-24T04:12:00Z',
    topics: ['military'],
  },
  {
    title: 'Kyiv cuts diplomatic ties with Moscow and declares martial law',
    summary:
      "The president's office announced nationwide martial law and formally broke off diplomatic relations. Citizens were asked to stay at home unless they were needed for defence work.",
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/02/24/kyiv-cuts-diplomatic-ties-with-moscow-and-declares-martial-law',
    publishedAt: '2022-02-24T05:35:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Ministry and bank websites knocked offline in a new wave of attacks',
    summary:
      'Several government portals and two large banks were unreachable for hours after being flooded with junk traffic. Security researchers separately reported data-wiping malware on hundreds of computers.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/02/24/ministry-and-bank-websites-knocked-offline-in-a-new-wave-of-attacks',
    publishedAt: '2022-02-24T07:48:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Brent crude jumps above $100 a barrel as markets react to the invasion',
    summary:
      'Oil crossed the three-figure mark for the first time in more than seven years during morning trade. European gas futures rose by more than a third within hours.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/02/24/brent-crude-jumps-above-100-a-barrel-as-markets-react-to-the-invasion',
    author: 'Callum Rourke',
    publishedAt: '2022-02-24T09:20:00Z',
    topics: ['economy', 'energy'],
  },
  {
    title: 'Queues stretch for kilometres at western border crossings',
    summary:
      'Cars lined the roads toward Poland as families tried to leave before the fighting spread. Border guards said most people waiting were women, children and older relatives.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/02/24/queues-stretch-for-kilometres-at-western-border-crossings',
    publishedAt: '2022-02-24T10:55:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Western capitals condemn the assault and pledge sweeping sanctions',
    summary:
      'G7 leaders arranged an emergency video call for the afternoon, and EU heads of government were summoned to Brussels for the evening. Several foreign ministries called in Russian ambassadors.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/02/24/western-capitals-condemn-the-assault-and-pledge-sweeping-sanctions',
    publishedAt: '2022-02-24T13:30:00Z',
    topics: ['international'],
  },
  {
    title: 'Fighting reported at Hostomel airfield north-west of the capital',
    summary:
      'Helicopter-borne troops tried to seize the cargo airport, local officials said. Ukrainian units said they had launched a counter-attack to retake the runway.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/02/24/fighting-reported-at-hostomel-airfield-north-west-of-the-capital',
    publishedAt: '2022-02-24T15:42:00Z',
    topics: ['military'],
  },
  {
    title: 'Thousands spend the night in Kyiv metro stations as sirens sound',
    summary:
      'Families carried blankets, pets and flasks of tea down to platforms that now serve as shelters. The city said the underground would stay open all night and run free of charge.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/02/24/thousands-spend-the-night-in-kyiv-metro-stations-as-sirens-sound',
    author: 'Yana Sorokivska',
    publishedAt: '2022-02-24T18:15:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'EU leaders back a broad sanctions package after late-night summit',
    summary:
      'Leaders agreed in principle on measures hitting finance, transport, energy technology and exports. Ministers are expected to sign off on the legal texts within days.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/02/24/eu-leaders-back-a-broad-sanctions-package-after-late-night-summit',
    publishedAt: '2022-02-24T21:40:00Z',
    topics: ['international', 'economy'],
  },
  {
    title: 'Air-raid alerts sound through the night across central regions',
    summary:
      'Sirens went off repeatedly in Kyiv, Cherkasy and Vinnytsia before daybreak. Officials reported strikes on military sites but gave no casualty figures.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/02/24/air-raid-alerts-sound-through-the-night-across-central-regions',
    publishedAt: '2022-02-24T23:25:00Z',
    topics: ['military'],
  },
  {
    title: 'Air defences fire over Kyiv as debris falls on a residential block',
    summary:
      'Wreckage from an object brought down overnight hit a nine-storey building on the left bank. Emergency crews took several residents to hospital.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/02/25/air-defences-fire-over-kyiv-as-debris-falls-on-a-residential-block',
    author: 'Bohdan Yaremchak',
    publishedAt: '2022-02-25T02:18:00Z',
    topics: ['military'],
  },
  {
    title: 'Fighting reaches the northern edge of Kyiv, defence ministry says',
    summary:
      'Small reconnaissance groups were reported in the Obolon district, and residents were told to keep away from windows. The ministry asked civilians to report any troop movements they saw.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/02/25/fighting-reaches-the-northern-edge-of-kyiv-defence-ministry-says',
    publishedAt: '2022-02-25T06:03:00Z',
    topics: ['military'],
  },
  {
    title: 'UN agency says 100,000 people have already left their homes',
    summary:
      'The refugee agency said tens of thousands had crossed into neighbouring states and many more were moving west inside the country. It urged governments to keep their borders open.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/02/25/un-agency-says-100-000-people-have-already-left-their-homes',
    publishedAt: '2022-02-25T08:26:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Neighbouring states open reception centres along the border',
    summary:
      'Poland, Slovakia and Romania set up tents, buses and first-aid posts for new arrivals. Officials said people fleeing the war would be let in even without passports.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/02/25/neighbouring-states-open-reception-centres-along-the-border',
    author: 'Vasyl Hrytsai',
    publishedAt: '2022-02-25T10:44:00Z',
    topics: ['humanitarian', 'international'],
  },
  {
    title: 'National bank caps cash withdrawals and fixes the exchange rate',
    summary:
      'The central bank limited daily cash withdrawals and halted currency trading to head off panic. Card payments were working normally, it said.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/02/25/national-bank-caps-cash-withdrawals-and-fixes-the-exchange-rate',
    publishedAt: '2022-02-25T12:09:00Z',
    topics: ['economy'],
  },
  {
    title: 'NATO triggers defence plans and sends more troops to its eastern flank',
    summary:
      'Allied leaders held an emergency virtual summit and agreed to move additional forces into member states near the fighting. The alliance repeated that it would not deploy troops inside Ukraine.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/02/25/nato-triggers-defence-plans-and-sends-more-troops-to-its-eastern-flank',
    publishedAt: '2022-02-25T15:05:00Z',
    topics: ['international', 'military'],
  },
  {
    title: 'Both sides float the idea of talks but disagree on where to meet',
    summary:
      'Moscow proposed a meeting in Minsk, while Kyiv said it would not negotiate on the territory of a state that had helped the invasion. Officials on both sides said contacts were continuing.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/02/25/both-sides-float-the-idea-of-talks-but-disagree-on-where-to-meet',
    publishedAt: '2022-02-25T17:37:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Volunteer hackers claim they took down Russian state media websites',
    summary:
      'A loose hacker collective said it was behind outages on several news and government sites. The claim could not be independently checked.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/02/25/volunteer-hackers-claim-they-took-down-russian-state-media-websites',
    author: 'Petra Lindqvist',
    publishedAt: '2022-02-25T21:15:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Gunfire and blasts in western Kyiv as troops try to enter the city',
    summary:
      'Residents near a military base on Peremohy Avenue reported intense shooting overnight. Officials said by morning that the attack had been repelled.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/02/26/gunfire-and-blasts-in-western-kyiv-as-troops-try-to-enter-the-city',
    publishedAt: '2022-02-26T00:52:00Z',
    topics: ['military'],
  },
  {
    title: 'Missile tears a hole through a high-rise apartment block in Kyiv',
    summary:
      'The strike ripped through several floors of a residential tower on the south-western edge of the city. Rescuers led dozens of residents out down the stairwells.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/02/26/missile-tears-a-hole-through-a-high-rise-apartment-block-in-kyiv',
    publishedAt: '2022-02-26T05:18:00Z',
    topics: ['military'],
  },
  {
    title: 'Capital orders a round-the-clock curfew until Monday morning',
    summary:
      'City authorities said anyone outside during the curfew could be treated as a saboteur. Shops, pharmacies and petrol stations were told to close.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/02/26/capital-orders-a-round-the-clock-curfew-until-monday-morning',
    author: 'Tomas Brennick',
    publishedAt: '2022-02-26T07:34:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Allies edge toward cutting Russian banks off from SWIFT',
    summary:
      'Officials said a deal was close on removing selected lenders from the interbank messaging system. Governments that had been reluctant signalled they would no longer stand in the way.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/02/26/allies-edge-toward-cutting-russian-banks-off-from-swift',
    publishedAt: '2022-02-26T09:57:00Z',
    topics: ['international', 'economy'],
  },
  {
    title: 'Gas prices swing wildly as traders watch pipeline flows',
    summary:
      'Transit volumes through Ukraine stayed steady, but wholesale prices moved by double digits within one session. Analysts warned that storage levels were already below the seasonal average.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/02/26/gas-prices-swing-wildly-as-traders-watch-pipeline-flows',
    publishedAt: '2022-02-26T11:31:00Z',
    topics: ['energy'],
  },
  {
    title: 'European states begin closing their airspace to Russian airlines',
    summary:
      'Poland, the Czech Republic and the Baltic states were among the first to announce bans. Several other governments said they were preparing the same step.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/02/26/european-states-begin-closing-their-airspace-to-russian-airlines',
    author: 'Rafael Quintero',
    publishedAt: '2022-02-26T14:08:00Z',
    topics: ['international'],
  },
  {
    title: 'Trains to Lviv overflow as the number of people fleeing keeps rising',
    summary:
      'Westbound trains left Kyiv packed to the doors, and some passengers stood for the whole journey. Railway staff said they would keep adding carriages for as long as they could.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/02/26/trains-to-lviv-overflow-as-the-number-of-people-fleeing-keeps-rising',
    publishedAt: '2022-02-26T16:46:00Z',
    topics: ['humanitarian'],
  },
  {
    title: "Digital ministry calls on volunteers to join an online 'IT army'",
    summary:
      'The ministry set up a channel where volunteers receive tasks, from defending domestic networks to targeting Russian sites. Legal experts warned that the line between civilian and military hacking was getting blurred.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/02/26/digital-ministry-calls-on-volunteers-to-join-an-online-it-army',
    publishedAt: '2022-02-26T20:29:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Allies agree to freeze central bank reserves and cut banks from SWIFT',
    summary:
      'The joint statement, issued late on Saturday, aims to stop Moscow drawing on its foreign reserves to soften the blow of sanctions. The list of affected banks is due within days.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/02/26/allies-agree-to-freeze-central-bank-reserves-and-cut-banks-from-swift',
    publishedAt: '2022-02-26T22:41:00Z',
    topics: ['international', 'economy'],
  },
  {
    title: 'Street fighting breaks out in Kharkiv',
    summary:
      'Light armoured vehicles entered the city from the north-east, and the regional governor told residents to stay in shelters. By midday he said the city was back under Ukrainian control.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/02/27/street-fighting-breaks-out-in-kharkiv',
    author: 'Oksana Berehova',
    publishedAt: '2022-02-27T04:33:00Z',
    topics: ['military'],
  },
  {
    title: 'Oil depot ablaze near Vasylkiv after overnight strikes',
    summary:
      'A huge fire sent black smoke over the town south of Kyiv, and residents were told to keep windows shut. A gas pipeline was also hit on the outskirts of Kharkiv.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/02/27/oil-depot-ablaze-near-vasylkiv-after-overnight-strikes',
    publishedAt: '2022-02-27T07:02:00Z',
    topics: ['energy', 'military'],
  },
  {
    title: 'Kyiv agrees to send a delegation for talks at the Belarus border',
    summary:
      'The meeting is planned near the Pripyat river, and Ukraine said it would attend without preconditions. Officials did not expect a quick breakthrough.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/02/27/kyiv-agrees-to-send-a-delegation-for-talks-at-the-belarus-border',
    publishedAt: '2022-02-27T10:16:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'EU to pay for weapons deliveries for the first time in its history',
    summary:
      'The bloc said it would use a joint fund to buy arms and equipment for Ukraine. It also announced that its airspace would close to all Russian aircraft.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/02/27/eu-to-pay-for-weapons-deliveries-for-the-first-time-in-its-history',
    author: 'Lena Marchetti',
    publishedAt: '2022-02-27T12:47:00Z',
    topics: ['international'],
  },
  {
    title: 'Restaurants turn kitchens over to feeding the displaced and defenders',
    summary:
      'Cafes in Lviv and Kyiv are cooking hundreds of meals a day for territorial defence posts and families on the move. Donations of food and medicine are arriving by the truckload.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/02/27/restaurants-turn-kitchens-over-to-feeding-the-displaced-and-defenders',
    publishedAt: '2022-02-27T15:21:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Moscow orders deterrence forces onto special alert',
    summary:
      'Western governments called the announcement dangerous and irresponsible. Analysts said there was no visible change yet in how those forces were deployed.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/02/27/moscow-orders-deterrence-forces-onto-special-alert',
    publishedAt: '2022-02-27T17:54:00Z',
    topics: ['military'],
  },
  {
    title: 'More than 350,000 people have crossed into neighbouring countries',
    summary:
      'The figure rose sharply in a single day, with Poland receiving the largest share. Aid workers said many foreign students had been stranded for hours at crossing points.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/02/27/more-than-350-000-people-have-crossed-into-neighbouring-countries',
    author: 'Maeve Costigan',
    publishedAt: '2022-02-27T21:10:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Rouble plunges to a record low as new sanctions hit',
    summary:
      'The currency lost close to a third of its value against the dollar in early trade. Long queues formed at cash machines in Russian cities as people tried to withdraw foreign currency.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/02/28/rouble-plunges-to-a-record-low-as-new-sanctions-hit',
    publishedAt: '2022-02-28T01:14:00Z',
    topics: ['economy'],
  },
  {
    title: 'Russian central bank more than doubles its key rate to 20%',
    summary:
      'The emergency move is aimed at stopping a run on deposits and the currency. The Moscow stock exchange stayed shut for the day.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/02/28/russian-central-bank-more-than-doubles-its-key-rate-to-20-percent',
    publishedAt: '2022-02-28T06:31:00Z',
    topics: ['economy'],
  },
  {
    title: 'Rocket barrage hits residential districts of Kharkiv',
    summary:
      'Multiple-launch rockets struck apartment blocks in several parts of the city, regional officials said. Dozens of civilians were reported killed or wounded.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/02/28/rocket-barrage-hits-residential-districts-of-kharkiv',
    publishedAt: '2022-02-28T08:42:00Z',
    topics: ['military'],
  },
  {
    title: 'First round of talks opens near the Belarus border',
    summary:
      'Delegations sat down at a long table in a country lodge close to the frontier. Kyiv said its goals were an immediate ceasefire and a full withdrawal of troops.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/02/28/first-round-of-talks-opens-near-the-belarus-border',
    author: 'Mirela Casian',
    publishedAt: '2022-02-28T10:05:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Talks end after five hours with a promise to meet again',
    summary:
      'Negotiators returned to their capitals for consultations without announcing any progress. Both sides said a second round could happen within days.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/02/28/talks-end-after-five-hours-with-a-promise-to-meet-again',
    publishedAt: '2022-02-28T13:38:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Kyiv signs a formal application to join the European Union',
    summary:
      'The government asked for a fast-track procedure given the war. Several member states said they supported the bid, while others urged caution.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/02/28/kyiv-signs-a-formal-application-to-join-the-european-union',
    publishedAt: '2022-02-28T15:50:00Z',
    topics: ['diplomacy', 'international'],
  },
  {
    title: 'Satellite internet outage traced to a cyber attack on day one',
    summary:
      'Thousands of modems across Europe stopped working when the invasion began, including units used to monitor wind turbines. Investigators believe a network operator was deliberately targeted.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/02/28/satellite-internet-outage-traced-to-a-cyber-attack-on-day-one',
    author: 'Sofie Aaltonen',
    publishedAt: '2022-02-28T18:11:00Z',
    topics: ['cyber', 'energy'],
  },
  {
    title: 'Satellite images show a 60-kilometre convoy heading toward Kyiv',
    summary:
      'Commercial imagery shows tanks, armoured vehicles and supply trucks strung out along the road north of the capital. Analysts said the column appeared to be moving slowly.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/02/28/satellite-images-show-a-60-kilometre-convoy-heading-toward-kyiv',
    publishedAt: '2022-02-28T20:47:00Z',
    topics: ['military'],
  },
  {
    title: 'Refugee numbers pass half a million, UN agency says',
    summary:
      'The agency said people were leaving faster than in any European crisis in decades. Neighbouring countries were preparing for millions more.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/02/28/refugee-numbers-pass-half-a-million-un-agency-says',
    publishedAt: '2022-02-28T22:22:00Z',
    topics: ['humanitarian'],
  },
  {
    title: "Missile strikes Kharkiv's central square and regional administration",
    summary:
      'Video showed a fireball engulfing the front of the administration building during the morning rush hour. Rescuers were searching the rubble for survivors.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/01/missile-strikes-kharkivs-central-square-and-regional-administration',
    author: 'Taras Lebedenko',
    publishedAt: '2022-03-01T06:06:00Z',
    topics: ['military'],
  },
  {
    title: 'Strike on Kyiv TV tower briefly knocks out broadcasts',
    summary:
      'The attack on the tower near the Babyn Yar memorial interrupted several television channels. City officials said five people were killed nearby.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/01/strike-on-kyiv-tv-tower-briefly-knocks-out-broadcasts',
    publishedAt: '2022-03-01T09:24:00Z',
    topics: ['military'],
  },
  {
    title: 'Energy agency members agree to release 60 million barrels from reserves',
    summary:
      'The coordinated release of emergency stocks is meant to calm oil markets. Traders said the volume was small compared with the supply that could be lost.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/01/energy-agency-members-agree-to-release-60-million-barrels-from-reserves',
    publishedAt: '2022-03-01T11:13:00Z',
    topics: ['energy', 'international'],
  },
  {
    title: 'International court prosecutor opens investigation into possible war crimes',
    summary:
      'The prosecutor said there was a reasonable basis to believe crimes had been committed. Dozens of states referred the situation to the court, which allows evidence gathering to start quickly.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/01/international-court-prosecutor-opens-investigation-into-possible-war-crimes',
    publishedAt: '2022-03-01T13:44:00Z',
    topics: ['international'],
  },
  {
    title: 'Oil majors announce exits from their Russian joint ventures',
    summary:
      "Two of Europe's largest energy groups said they would walk away from stakes worth billions. Shipping lines also stopped taking bookings to and from Russian ports.",
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/01/oil-majors-announce-exits-from-their-russian-joint-ventures',
    author: 'Hugo Ashdown',
    publishedAt: '2022-03-01T16:33:00Z',
    topics: ['economy', 'energy'],
  },
  {
    title: 'Kherson residents shelter as troops take up positions around the city',
    summary:
      'Local officials said armoured vehicles had reached several districts and fighting continued at checkpoints. People reported running short of bread and medicine.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/01/kherson-residents-shelter-as-troops-take-up-positions-around-the-city',
    publishedAt: '2022-03-01T19:36:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'Kharkiv police headquarters and university hit overnight',
    summary:
      'Strikes damaged several buildings in the city centre, including part of the main university. Firefighters worked through the night to contain the blazes.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/01/kharkiv-police-headquarters-and-university-hit-overnight',
    publishedAt: '2022-03-01T23:53:00Z',
    topics: ['military'],
  },
  {
    title: 'One million people have fled the country in a week',
    summary:
      'Officials described it as the fastest exodus of refugees this century. More than half of those leaving had crossed into Poland.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/02/one-million-people-have-fled-the-country-in-a-week',
    author: 'Franz Oberleitner',
    publishedAt: '2022-03-02T05:44:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Kherson mayor says troops now control the city',
    summary:
      'Armed soldiers entered the council building and laid down conditions for residents, the mayor said. It is the first large city to be captured since the invasion began.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/02/kherson-mayor-says-troops-now-control-the-city',
    publishedAt: '2022-03-02T08:27:00Z',
    topics: ['military'],
  },
  {
    title: 'UN General Assembly votes overwhelmingly to demand a withdrawal',
    summary:
      'A large majority of member states backed the non-binding resolution, with only a handful voting against. Supporters said the result showed how isolated Moscow had become.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/02/un-general-assembly-votes-overwhelmingly-to-demand-a-withdrawal',
    publishedAt: '2022-03-02T11:02:00Z',
    topics: ['international'],
  },
  {
    title: 'EU names seven Russian banks to be cut from SWIFT',
    summary:
      'The list leaves out the largest lenders that handle energy payments. The measure takes effect after a ten-day transition period.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/02/eu-names-seven-russian-banks-to-be-cut-from-swift',
    author: 'Wren Halloway',
    publishedAt: '2022-03-02T13:19:00Z',
    topics: ['economy', 'international'],
  },
  {
    title: 'Phishing emails target officials handling refugee arrivals',
    summary:
      'Researchers said messages posing as official notices tried to plant malware on the computers of border and aid staff. Several European agencies issued warnings.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/02/phishing-emails-target-officials-handling-refugee-arrivals',
    publishedAt: '2022-03-02T16:23:00Z',
    topics: ['cyber', 'humanitarian'],
  },
  {
    title: 'Kyiv confirms a second round of talks for Thursday',
    summary:
      'Ukrainian negotiators said they were travelling to a meeting point near the Belarus-Poland border. They listed humanitarian corridors among their priorities.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/02/kyiv-confirms-a-second-round-of-talks-for-thursday',
    publishedAt: '2022-03-02T20:04:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Air strikes hit a residential area of Chernihiv',
    summary:
      'Bombs fell near a school and several apartment blocks in the northern city, regional officials said. Rescuers pulled dozens of bodies from the debris over the following hours.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/03/air-strikes-hit-a-residential-area-of-chernihiv',
    publishedAt: '2022-03-03T04:34:00Z',
    topics: ['military'],
  },
  {
    title: 'European gas price hits an all-time high',
    summary:
      'Benchmark Dutch gas futures more than doubled in a week on fears of a supply cut. Industrial users in several countries warned they might have to reduce output.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/03/european-gas-price-hits-an-all-time-high',
    author: 'Hugo Ashdown',
    publishedAt: '2022-03-03T07:12:00Z',
    topics: ['energy'],
  },
  {
    title: 'Mariupol without power, water or heating after days of shelling',
    summary:
      'The mayor said the port city was effectively under blockade and repairs were impossible under fire. Residents were melting snow to get drinking water.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/03/mariupol-without-power-water-or-heating-after-days-of-shelling',
    publishedAt: '2022-03-03T09:48:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Second round of talks begins in the Brest region',
    summary:
      'The delegations met for the second time in a week at a venue close to the Polish border. Humanitarian issues were expected to dominate the agenda.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/03/second-round-of-talks-begins-in-the-brest-region',
    publishedAt: '2022-03-03T12:21:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Negotiators agree in principle on humanitarian corridors',
    summary:
      'Both sides said they had agreed to create safe routes for civilians, with a possible pause in fighting along them. Timings and routes were left for military officers to work out.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/03/negotiators-agree-in-principle-on-humanitarian-corridors',
    author: 'Mirela Casian',
    publishedAt: '2022-03-03T16:57:00Z',
    topics: ['diplomacy', 'humanitarian'],
  },
  {
    title: 'Several governments extend sanctions to Belarus over its role in the war',
    summary:
      'New measures target Belarusian state banks, potash exports and officials accused of helping the invasion. Minsk called the steps hostile.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/03/several-governments-extend-sanctions-to-belarus-over-its-role-in-the-war',
    publishedAt: '2022-03-03T19:12:00Z',
    topics: ['international'],
  },
  {
    title: 'Fire breaks out at Zaporizhzhia nuclear plant after shelling',
    summary:
      'A spokesman for the plant said a training building was burning and firefighters could not reach it because of gunfire. Radiation levels were reported to be normal.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/03/fire-breaks-out-at-zaporizhzhia-nuclear-plant-after-shelling',
    publishedAt: '2022-03-03T21:52:00Z',
    topics: ['energy', 'military'],
  },
  {
    title: 'Nuclear plant fire put out; regulator says reactors are safe',
    summary:
      'The nuclear regulator said no essential equipment had been damaged. Troops took control of the site later in the morning, officials said.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/04/nuclear-plant-fire-put-out-regulator-says-reactors-are-safe',
    author: 'Callum Rourke',
    publishedAt: '2022-03-04T00:31:00Z',
    topics: ['energy', 'military'],
  },
  {
    title: 'Leaders hold emergency calls over the attack on a nuclear plant',
    summary:
      'Several heads of government spoke overnight and asked for an urgent meeting of the UN Security Council. The UN nuclear watchdog offered to send experts to the region.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/04/leaders-hold-emergency-calls-over-the-attack-on-a-nuclear-plant',
    publishedAt: '2022-03-04T05:55:00Z',
    topics: ['international'],
  },
  {
    title: 'Aid convoys struggle to reach encircled towns north of Kyiv',
    summary:
      'Volunteers said roads through Bucha and Irpin were blocked by fighting and blown-up bridges. Some supplies were being carried in on foot.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/04/aid-convoys-struggle-to-reach-encircled-towns-north-of-kyiv',
    publishedAt: '2022-03-04T08:33:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'NATO rules out a no-fly zone over Ukraine',
    summary:
      'Foreign ministers meeting in Brussels said enforcing one would risk a direct war with Russia. Kyiv said the decision would cost lives.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/04/nato-rules-out-a-no-fly-zone-over-ukraine',
    publishedAt: '2022-03-04T11:08:00Z',
    topics: ['international', 'military'],
  },
  {
    title: 'Wheat prices hit a record as Black Sea shipments stall',
    summary:
      'Ukraine and Russia together supply close to a third of the wheat traded worldwide. Importers in North Africa and the Middle East were scrambling to find other sellers.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/04/wheat-prices-hit-a-record-as-black-sea-shipments-stall',
    author: 'Hugo Ashdown',
    publishedAt: '2022-03-04T13:41:00Z',
    topics: ['economy'],
  },
  {
    title: 'Access to foreign social networks restricted inside Russia',
    summary:
      'Users reported that several major platforms stopped loading after the media regulator announced restrictions. Downloads of VPN apps soared within hours.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/04/access-to-foreign-social-networks-restricted-inside-russia',
    publishedAt: '2022-03-04T16:17:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Heavy fighting around Mykolaiv as troops push west from Kherson',
    summary:
      'Regional officials said an attempt to enter the city from the north had been stopped. The shipbuilding city sits on the road to Odesa.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/04/heavy-fighting-around-mykolaiv-as-troops-push-west-from-kherson',
    publishedAt: '2022-03-04T19:43:00Z',
    topics: ['military'],
  },
  {
    title: 'Pause in fighting announced for Mariupol and Volnovakha evacuations',
    summary:
      'The local ceasefire was due to start in mid-morning to let civilians leave along agreed roads. Buses were lined up at assembly points in the port city.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/05/pause-in-fighting-announced-for-mariupol-and-volnovakha-evacuations',
    author: 'Rafael Quintero',
    publishedAt: '2022-03-05T03:03:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Mariupol evacuation halted as shells fall on the route',
    summary:
      'City officials postponed the evacuation because shelling continued along the corridor. People who had gathered at assembly points were told to return to their shelters.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/05/mariupol-evacuation-halted-as-shells-fall-on-the-route',
    publishedAt: '2022-03-05T09:42:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Cold snap adds to hardship at crowded border crossings',
    summary:
      'Temperatures below freezing made hours-long waits even harder for families on foot. Volunteers handed out hot tea, blankets and free SIM cards.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/05/cold-snap-adds-to-hardship-at-crowded-border-crossings',
    publishedAt: '2022-03-05T11:36:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Card networks suspend operations in Russia',
    summary:
      'Cards issued by Russian banks will stop working abroad, and foreign cards will no longer work in Russia. The two largest payment networks said the step was a response to the invasion.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/05/card-networks-suspend-operations-in-russia',
    author: 'Lena Marchetti',
    publishedAt: '2022-03-05T13:06:00Z',
    topics: ['economy', 'international'],
  },
  {
    title: 'Embassies move staff from Kyiv to Lviv as fighting draws closer',
    summary:
      'Several countries relocated their diplomatic missions to the western city. A few said they would keep a small team in the capital.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/05/embassies-move-staff-from-kyiv-to-lviv-as-fighting-draws-closer',
    publishedAt: '2022-03-05T15:14:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Reinforcements moving toward Kyiv, general staff says',
    summary:
      'Ukrainian commanders said new units were being brought up toward the capital. Defensive lines on the main approaches had been strengthened, they added.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/05/reinforcements-moving-toward-kyiv-general-staff-says',
    publishedAt: '2022-03-05T17:25:00Z',
    topics: ['military'],
  },
  {
    title: 'Hackers deface websites of Russian regional authorities',
    summary:
      'Pages on several regional government portals showed anti-war messages for hours. The group behind the attack posted screenshots on social media.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/05/hackers-deface-websites-of-russian-regional-authorities',
    publishedAt: '2022-03-05T20:51:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Missiles destroy Vinnytsia airport',
    summary:
      'Eight missiles struck the civilian airport in the central city, officials said. Rescue crews were searching the site for survivors.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/06/missiles-destroy-vinnytsia-airport',
    author: 'Ilse Varga',
    publishedAt: '2022-03-06T01:44:00Z',
    topics: ['military'],
  },
  {
    title: 'Civilians shelled while crossing a wrecked bridge out of Irpin',
    summary:
      'People carrying children and suitcases picked their way across planks beneath a destroyed bridge. Mortar rounds landed near the crossing, killing several of them.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/06/civilians-shelled-while-crossing-a-wrecked-bridge-out-of-irpin',
    publishedAt: '2022-03-06T07:32:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'Second attempt to evacuate Mariupol collapses',
    summary:
      'A planned ceasefire around the port city broke down within hours, aid groups said. Each side blamed the other for the failure.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/06/second-attempt-to-evacuate-mariupol-collapses',
    publishedAt: '2022-03-06T10:01:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Oil races toward $130 as the West weighs an import ban',
    summary:
      'Prices jumped after Western officials said they were discussing restrictions on Russian crude. European officials said a ban on gas was not yet on the table.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/06/oil-races-toward-130-as-the-west-weighs-an-import-ban',
    author: 'Wren Halloway',
    publishedAt: '2022-03-06T12:23:00Z',
    topics: ['energy', 'economy'],
  },
  {
    title: 'Crowds rally across European capitals in support of Ukraine',
    summary:
      'Large weekend marches took place in Berlin, Paris, London and dozens of smaller cities. Organisers called for tougher sanctions and more military aid.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/06/crowds-rally-across-european-capitals-in-support-of-ukraine',
    publishedAt: '2022-03-06T14:44:00Z',
    topics: ['international'],
  },
  {
    title: 'Shelling damages a cancer hospital in Mykolaiv',
    summary:
      'Windows were blown out and patients were moved to the basement, hospital staff said. Doctors were continuing treatment by torchlight.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/06/shelling-damages-a-cancer-hospital-in-mykolaiv',
    publishedAt: '2022-03-06T17:03:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Third round of talks set for Monday, both sides confirm',
    summary:
      'Delegations are expected to meet again near the Belarus-Poland border. Kyiv said it would push for working corridors out of besieged cities.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/06/third-round-of-talks-set-for-monday-both-sides-confirm',
    author: 'Sofie Aaltonen',
    publishedAt: '2022-03-06T21:30:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Brent briefly touches $139 in overnight trading',
    summary:
      'Crude hit its highest level since 2008 as traders bet on a Western embargo. Petrol prices at the pump rose sharply across Europe.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/06/brent-briefly-touches-139-in-overnight-trading',
    publishedAt: '2022-03-06T23:19:00Z',
    topics: ['economy', 'energy'],
  },
  {
    title: 'Kyiv rejects evacuation routes that lead into Russia and Belarus',
    summary:
      'Moscow offered corridors for civilians from several cities, but most of them ran north or east. Ukrainian officials called the proposal cynical and unacceptable.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/07/kyiv-rejects-evacuation-routes-that-lead-into-russia-and-belarus',
    publishedAt: '2022-03-07T06:22:00Z',
    topics: ['humanitarian', 'diplomacy'],
  },
  {
    title: 'Attack on Mykolaiv airport repelled, regional governor says',
    summary:
      'Troops tried to take the airfield on the northern edge of the city but were pushed back. Shelling of residential districts continued into the afternoon.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/07/attack-on-mykolaiv-airport-repelled-regional-governor-says',
    publishedAt: '2022-03-07T09:11:00Z',
    topics: ['military'],
  },
  {
    title: 'European shares slide as metals hit record highs',
    summary:
      'Nickel and aluminium prices soared on fears of supply shortages. Bank and car-maker shares were among the heaviest fallers.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/07/european-shares-slide-as-metals-hit-record-highs',
    author: 'Tomas Brennick',
    publishedAt: '2022-03-07T11:43:00Z',
    topics: ['economy'],
  },
  {
    title: 'Third round of talks brings small steps on corridors',
    summary:
      'Negotiators said there were some positive results on humanitarian routes but nothing on a ceasefire. Another meeting is expected soon.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/07/third-round-of-talks-brings-small-steps-on-corridors',
    publishedAt: '2022-03-07T14:34:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Power and pipeline operators told to raise cyber defences',
    summary:
      'Agencies in several countries warned that attacks on grids and pipelines could follow the new sanctions. Operators were urged to review remote access and test their backups.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/07/power-and-pipeline-operators-told-to-raise-cyber-defences',
    publishedAt: '2022-03-07T17:16:00Z',
    topics: ['cyber', 'energy'],
  },
  {
    title: 'Sumy waits for a humanitarian corridor as food runs low',
    summary:
      'Residents of the north-eastern city have been without regular deliveries for days. Local officials said buses were ready to leave as soon as a route was confirmed.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/07/sumy-waits-for-a-humanitarian-corridor-as-food-runs-low',
    author: 'Dorota Wielgosz',
    publishedAt: '2022-03-07T19:57:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Overnight bombing destroys houses in Sumy',
    summary:
      'Regional officials said several homes were flattened and children were among the dead. The strike came hours before a planned evacuation.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/07/overnight-bombing-destroys-houses-in-sumy',
    publishedAt: '2022-03-07T22:52:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'Buses leave Sumy for Poltava as the first corridor works',
    summary:
      'A column of buses and private cars left the city along an agreed route. Foreign students were among the first to be taken out.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/08/buses-leave-sumy-for-poltava-as-the-first-corridor-works',
    publishedAt: '2022-03-08T07:47:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Refugee total passes two million',
    summary:
      'The UN refugee agency said the number had doubled in less than a week. Poland alone has taken in well over a million people.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/08/refugee-total-passes-two-million',
    author: 'Franz Oberleitner',
    publishedAt: '2022-03-08T10:31:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'EU sets out a plan to cut Russian gas imports by two-thirds this year',
    summary:
      'The commission proposed faster storage filling, new LNG contracts and energy savings. It wants to end dependence on Russian fossil fuels well before 2030.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/08/eu-sets-out-a-plan-to-cut-russian-gas-imports-by-two-thirds-this-year',
    publishedAt: '2022-03-08T12:53:00Z',
    topics: ['energy', 'international'],
  },
  {
    title: 'Washington bans imports of Russian oil, gas and coal',
    summary:
      'The ban takes effect immediately for new contracts. Britain said separately that it would phase out Russian oil by the end of the year.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/08/washington-bans-imports-of-russian-oil-gas-and-coal',
    publishedAt: '2022-03-08T15:42:00Z',
    topics: ['international', 'energy'],
  },
  {
    title: 'Fast-food and coffee chains pause business in Russia',
    summary:
      'Several Western consumer brands said they would close hundreds of outlets for now. They said employees would continue to be paid.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/08/fast-food-and-coffee-chains-pause-business-in-russia',
    publishedAt: '2022-03-08T18:02:00Z',
    topics: ['economy'],
  },
  {
    title: 'Chernihiv defenders hold out as fighting intensifies on the outskirts',
    summary:
      'The regional governor said the city was surrounded on several sides but not taken. Supplies were running short in many districts.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/08/chernihiv-defenders-hold-out-as-fighting-intensifies-on-the-outskirts',
    author: 'Nadiya Ostapets',
    publishedAt: '2022-03-08T20:24:00Z',
    topics: ['military'],
  },
  {
    title: 'Hackers leak files they say came from a Russian state agency',
    summary:
      'A hacking group posted hundreds of gigabytes of documents and emails online. Analysts were still checking whether the material was genuine.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/09/hackers-leak-files-they-say-came-from-a-russian-state-agency',
    publishedAt: '2022-03-09T02:11:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Residents use a lull in shelling to leave Irpin and Bucha',
    summary:
      'Buses took hundreds of people from the towns north-west of Kyiv to the capital. Many had spent days in basements without heat or light.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/09/residents-use-a-lull-in-shelling-to-leave-irpin-and-bucha',
    publishedAt: '2022-03-09T06:46:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Chernobyl site loses its power supply, grid operator warns',
    summary:
      'The plant, which stores spent nuclear fuel, was cut off after a power line was damaged in fighting. Back-up generators had fuel for roughly two days.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/09/chernobyl-site-loses-its-power-supply-grid-operator-warns',
    author: 'Aurel Dumitrescu',
    publishedAt: '2022-03-09T09:04:00Z',
    topics: ['energy', 'military'],
  },
  {
    title: 'More business figures added to Western sanctions lists',
    summary:
      'New designations froze assets and banned travel for several wealthy Russians with close links to the state. Authorities said they were also looking at yachts and property abroad.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/09/more-business-figures-added-to-western-sanctions-lists',
    publishedAt: '2022-03-09T11:33:00Z',
    topics: ['international'],
  },
  {
    title: 'Air strike hits a maternity hospital in Mariupol',
    summary:
      "Officials said the attack destroyed part of a children's and maternity hospital during an agreed pause in fighting. Pictures showed injured women being carried out on stretchers.",
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/09/air-strike-hits-a-maternity-hospital-in-mariupol',
    publishedAt: '2022-03-09T14:22:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'Turkey to host foreign ministers in the first high-level contact',
    summary:
      'The meeting is planned for Thursday in Antalya. It would be the most senior contact between the two sides since the war began.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/09/turkey-to-host-foreign-ministers-in-the-first-high-level-contact',
    author: 'Callum Rourke',
    publishedAt: '2022-03-09T17:13:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Kyiv restricts exports of grain, meat and sugar to protect supplies',
    summary:
      'The government introduced licences for wheat and banned exports of several other staples. Officials said feeding the population had to come first.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/09/kyiv-restricts-exports-of-grain-meat-and-sugar-to-protect-supplies',
    publishedAt: '2022-03-09T21:25:00Z',
    topics: ['economy'],
  },
  {
    title: 'Tens of thousands evacuated from Kyiv suburbs in two days',
    summary:
      'Regional authorities said buses and private cars took people out of Irpin, Bucha and nearby villages. Volunteers met the convoys with food and warm clothes.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/10/tens-of-thousands-evacuated-from-kyiv-suburbs-in-two-days',
    publishedAt: '2022-03-10T05:17:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Foreign ministers meet in Antalya but fail to agree a ceasefire',
    summary:
      'The talks, hosted by Turkey, lasted about an hour and a half. The Ukrainian side said there was no progress on a 24-hour truce.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/10/foreign-ministers-meet-in-antalya-but-fail-to-agree-a-ceasefire',
    publishedAt: '2022-03-10T08:34:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Moscow restricts exports of hundreds of goods in response to sanctions',
    summary:
      'The list includes cars, machinery and telecoms equipment. Officials said the aim was to protect domestic supply.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/10/moscow-restricts-exports-of-hundreds-of-goods-in-response-to-sanctions',
    author: 'Hugo Ashdown',
    publishedAt: '2022-03-10T11:21:00Z',
    topics: ['economy', 'international'],
  },
  {
    title: 'European grid operators fast-track a power link with Ukraine',
    summary:
      'Engineers said the emergency connection could be ready within days instead of the year originally planned. It would let Ukraine import electricity if its own plants are damaged.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/10/european-grid-operators-fast-track-a-power-link-with-ukraine',
    publishedAt: '2022-03-10T13:52:00Z',
    topics: ['energy', 'international'],
  },
  {
    title: 'Troops regroup north-west of Kyiv, satellite images show',
    summary:
      'Imagery shows armoured units spreading into towns and forests around the capital. Analysts said it could signal preparations for a new push.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/10/troops-regroup-north-west-of-kyiv-satellite-images-show',
    publishedAt: '2022-03-10T16:41:00Z',
    topics: ['military'],
  },
  {
    title: "EU leaders gather at Versailles to discuss the war's fallout",
    summary:
      'The two-day summit is expected to focus on defence spending and energy independence. Leaders are divided on how quickly Ukraine could join the bloc.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/10/eu-leaders-gather-at-versailles-to-discuss-the-wars-fallout',
    author: 'Wren Halloway',
    publishedAt: '2022-03-10T20:36:00Z',
    topics: ['international', 'diplomacy'],
  },
  {
    title: 'Air strikes hit airfields in Lutsk and Ivano-Frankivsk',
    summary:
      'Officials said the early morning strikes targeted military airfields in the two western cities. It was the first major attack so far west.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/11/air-strikes-hit-airfields-in-lutsk-and-ivano-frankivsk',
    publishedAt: '2022-03-11T03:32:00Z',
    topics: ['military'],
  },
  {
    title: 'Dnipro hit for the first time as shells land near a kindergarten',
    summary:
      'Three strikes hit the city, one near a nursery school and an apartment block. Emergency services said at least one person was killed.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/11/dnipro-hit-for-the-first-time-as-shells-land-near-a-kindergarten',
    publishedAt: '2022-03-11T07:51:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'G7 moves to strip Russia of its favoured trade status',
    summary:
      'Removing the status would let countries raise tariffs on Russian goods. Leaders also agreed to ban some luxury exports to Russia and imports of seafood.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/11/g7-moves-to-strip-russia-of-its-favoured-trade-status',
    author: 'Lena Marchetti',
    publishedAt: '2022-03-11T10:13:00Z',
    topics: ['international', 'economy'],
  },
  {
    title: 'Security service says hacked accounts spread fake surrender messages',
    summary:
      'Posts on compromised pages falsely claimed that soldiers were laying down their arms. The agency said it removed the messages and traced them to a network run from abroad.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/11/security-service-says-hacked-accounts-spread-fake-surrender-messages',
    publishedAt: '2022-03-11T12:35:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Mariupol death toll passes 1,500, city council says',
    summary:
      'Officials said bodies were being buried in mass graves because shelling made normal funerals impossible. A food convoy was still trying to reach the city.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/11/mariupol-death-toll-passes-1-500-city-council-says',
    publishedAt: '2022-03-11T15:52:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Farmers fear the spring sowing season will be lost',
    summary:
      'Fuel shortages, mined fields and missing workers are threatening planting in several regions. The agriculture ministry said it would try to supply diesel to farms.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/11/farmers-fear-the-spring-sowing-season-will-be-lost',
    publishedAt: '2022-03-11T19:23:00Z',
    topics: ['economy'],
  },
  {
    title: 'Shelling intensifies on the northern outskirts of Kharkiv',
    summary:
      'Residents reported hours of artillery fire in districts close to the ring road. The city council said more than 40 buildings had been damaged overnight.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/11/shelling-intensifies-on-the-northern-outskirts-of-kharkiv',
    author: 'Rafael Quintero',
    publishedAt: '2022-03-11T23:12:00Z',
    topics: ['military'],
  },
  {
    title: 'Melitopol mayor detained by occupying forces, officials say',
    summary:
      'Regional officials said the mayor was taken from the city administration building by armed men. Hundreds of residents gathered in the square to demand his release.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/12/melitopol-mayor-detained-by-occupying-forces-officials-say',
    publishedAt: '2022-03-12T06:44:00Z',
    topics: ['military'],
  },
  {
    title: 'Poland has now taken in more than 1.5 million refugees',
    summary:
      'Border guards said the pace of arrivals had slowed slightly but was still high. Volunteers warned that housing offers were starting to run out.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/12/poland-has-now-taken-in-more-than-1-5-million-refugees',
    publishedAt: '2022-03-12T09:26:00Z',
    topics: ['humanitarian', 'international'],
  },
  {
    title: 'European leaders press Moscow for an immediate ceasefire in a call',
    summary:
      'The call lasted about 75 minutes, officials said. They described it as frank but reported no agreement.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/12/european-leaders-press-moscow-for-an-immediate-ceasefire-in-a-call',
    author: 'Vasyl Hrytsai',
    publishedAt: '2022-03-12T12:03:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Engineers work to restore power to the Chernobyl site',
    summary:
      'Repair crews reached a damaged line despite the fighting nearby, the grid operator said. Reserve diesel was being delivered to keep cooling systems running.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/12/engineers-work-to-restore-power-to-the-chernobyl-site',
    publishedAt: '2022-03-12T15:34:00Z',
    topics: ['energy'],
  },
  {
    title: 'Volunteer drivers ferry medicine from Lviv to besieged cities',
    summary:
      'Convoys of private vans are making the long drive east with insulin, bandages and baby formula. Drivers said the trip now takes twice as long because of checkpoints.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/12/volunteer-drivers-ferry-medicine-from-lviv-to-besieged-cities',
    publishedAt: '2022-03-12T18:47:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Cruise missiles strike training base near the Polish border',
    summary:
      'More than 30 missiles were fired at the military ground near Yavoriv, regional officials said. Dozens of people were killed and many more wounded.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/13/cruise-missiles-strike-training-base-near-the-polish-border',
    author: 'Maeve Costigan',
    publishedAt: '2022-03-13T03:43:00Z',
    topics: ['military'],
  },
  {
    title: 'Troops try to push south from Izium as fighting spreads',
    summary:
      'Military officials said the town was under heavy bombardment and partly surrounded. Residents were struggling to get out.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/13/troops-try-to-push-south-from-izium-as-fighting-spreads',
    publishedAt: '2022-03-13T08:12:00Z',
    topics: ['military'],
  },
  {
    title: 'Aid convoy to Mariupol blocked again',
    summary:
      'Trucks carrying food and medicine were stopped on the road outside the city, officials said. The convoy was forced to wait overnight in a nearby town.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/13/aid-convoy-to-mariupol-blocked-again',
    publishedAt: '2022-03-13T10:42:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Negotiators report real progress ahead of a new round',
    summary:
      'Members of both delegations said a joint draft could be ready within days. Neither side gave details of what had been agreed.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/13/negotiators-report-real-progress-ahead-of-a-new-round',
    publishedAt: '2022-03-13T13:04:00Z',
    topics: ['diplomacy'],
  },
  {
    title: "Allies prepare the EU's fourth sanctions package",
    summary:
      'Diplomats said the new measures would include a steel import ban and limits on investment in the Russian energy sector. Ambassadors are due to discuss them on Monday.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/13/allies-prepare-the-eus-fourth-sanctions-package',
    author: 'Wren Halloway',
    publishedAt: '2022-03-13T16:06:00Z',
    topics: ['international'],
  },
  {
    title: 'Mobile operator hit by a cyber attack in eastern regions',
    summary:
      'Customers lost calls and mobile data for several hours before engineers isolated the affected systems. The company said no customer data had been taken.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/13/mobile-operator-hit-by-a-cyber-attack-in-eastern-regions',
    publishedAt: '2022-03-13T20:14:00Z',
    topics: ['cyber'],
  },
  {
    title: "Shelling kills residents in Kyiv's Obolon district",
    summary:
      'A shell hit a nine-storey apartment block, setting several floors on fire. Firefighters evacuated the building and searched for survivors.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/14/shelling-kills-residents-in-kyivs-obolon-district',
    publishedAt: '2022-03-14T05:02:00Z',
    topics: ['military'],
  },
  {
    title: 'Fourth round of talks held by video link',
    summary:
      'The two delegations spoke for several hours before taking a technical pause. They said they would continue the next day.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/14/fourth-round-of-talks-held-by-video-link',
    author: 'Mirela Casian',
    publishedAt: '2022-03-14T07:33:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'First private cars leave Mariupol along the coastal road',
    summary:
      'About 160 cars left the city in the first successful civilian departure, local officials said. They were heading toward Zaporizhzhia.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/14/first-private-cars-leave-mariupol-along-the-coastal-road',
    publishedAt: '2022-03-14T10:22:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'EU agrees a fourth sanctions package including a steel import ban',
    summary:
      'The package also bans new investment in the Russian energy sector and exports of luxury goods. Ratings agencies were barred from rating Russian companies.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/14/eu-agrees-a-fourth-sanctions-package-including-a-steel-import-ban',
    publishedAt: '2022-03-14T13:11:00Z',
    topics: ['international', 'economy'],
  },
  {
    title: 'Moscow faces its first test over foreign bond payments',
    summary:
      'Coupon payments on two dollar bonds fall due this week. Investors are watching whether the money reaches them despite the frozen reserves.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/14/moscow-faces-its-first-test-over-foreign-bond-payments',
    author: 'Dorota Wielgosz',
    publishedAt: '2022-03-14T16:12:00Z',
    topics: ['economy'],
  },
  {
    title: 'Lviv prepares for new arrivals as shelters reach capacity',
    summary:
      'Schools, gyms and churches have been turned into dormitories for people moving west. City officials said they were setting up heated tents in parks.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/14/lviv-prepares-for-new-arrivals-as-shelters-reach-capacity',
    publishedAt: '2022-03-14T19:45:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Early strikes set apartment blocks ablaze in western Kyiv',
    summary:
      'A 16-storey building caught fire after the pre-dawn attack, emergency services said. Several people were killed and dozens were led out of the building.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/15/early-strikes-set-apartment-blocks-ablaze-in-western-kyiv',
    publishedAt: '2022-03-15T01:34:00Z',
    topics: ['military'],
  },
  {
    title: 'Around 20,000 people leave Mariupol in private cars in two days',
    summary:
      'City officials said people had managed to get out along a dangerous road. Many reported long waits at checkpoints.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/15/around-20-000-people-leave-mariupol-in-private-cars-in-two-days',
    publishedAt: '2022-03-15T06:52:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Three European prime ministers travel to Kyiv by train',
    summary:
      "The leaders of Poland, the Czech Republic and Slovenia made the overnight journey to meet Ukraine's government. It was the first such visit since the invasion began.",
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/15/three-european-prime-ministers-travel-to-kyiv-by-train',
    author: 'Petra Lindqvist',
    publishedAt: '2022-03-15T09:31:00Z',
    topics: ['diplomacy', 'international'],
  },
  {
    title: 'International lenders warn the war will slow world growth',
    summary:
      'Economists said poorer countries that import most of their food would be hit hardest. Higher energy and grain prices are already feeding into inflation.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/15/international-lenders-warn-the-war-will-slow-world-growth',
    publishedAt: '2022-03-15T12:14:00Z',
    topics: ['economy'],
  },
  {
    title: 'Researchers find new data-wiping malware on Ukrainian networks',
    summary:
      'The malicious program erases files and makes computers unusable. It is the fourth such tool found in the country since January.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/15/researchers-find-new-data-wiping-malware-on-ukrainian-networks',
    publishedAt: '2022-03-15T15:03:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Kyiv signals it could accept security guarantees instead of NATO membership',
    summary:
      'Ukrainian officials said the country needed binding guarantees from several states. Moscow has long demanded that Ukraine give up its NATO ambitions.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/15/kyiv-signals-it-could-accept-security-guarantees-instead-of-nato-membership',
    author: 'Sofie Aaltonen',
    publishedAt: '2022-03-15T18:21:00Z',
    topics: ['diplomacy'],
  },
  {
    title: "Ukraine's power grid is now synchronised with Europe",
    summary:
      'Grid operators completed an emergency link that lets electricity flow between Ukraine and the EU. The connection had originally been planned for the following year.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/16/ukraines-power-grid-is-now-synchronised-with-europe',
    publishedAt: '2022-03-16T04:13:00Z',
    topics: ['energy', 'international'],
  },
  {
    title: 'Shelling hits people queuing for bread in Chernihiv',
    summary:
      'Regional officials said at least ten people were killed while waiting outside a shop. The city has been without running water for days.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/16/shelling-hits-people-queuing-for-bread-in-chernihiv',
    publishedAt: '2022-03-16T07:24:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'Negotiators discuss a draft framework for a peace deal',
    summary:
      'A draft under discussion would include a ceasefire and withdrawal in exchange for neutrality. Kyiv said some points were not acceptable.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/16/negotiators-discuss-a-draft-framework-for-a-peace-deal',
    author: 'Wren Halloway',
    publishedAt: '2022-03-16T10:54:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'Moscow avoids default as interest reaches bondholders',
    summary:
      'Some investors confirmed they had received coupon payments in dollars. Analysts said larger payments due next month would be a harder test.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/16/moscow-avoids-default-as-interest-reaches-bondholders',
    publishedAt: '2022-03-16T13:31:00Z',
    topics: ['economy'],
  },
  {
    title: 'Theatre sheltering civilians in Mariupol destroyed by air strike',
    summary:
      "City officials said hundreds of people had been sheltering in the building, which had the word 'children' painted on the ground outside. The number of casualties was not yet known.",
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/16/theatre-sheltering-civilians-in-mariupol-destroyed-by-air-strike',
    publishedAt: '2022-03-16T16:16:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'UN court orders Russia to suspend military operations',
    summary:
      "The judges ruled by a large majority that the fighting must stop while the case is heard. Moscow did not recognise the court's authority in the case.",
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/16/un-court-orders-russia-to-suspend-military-operations',
    publishedAt: '2022-03-16T19:06:00Z',
    topics: ['international', 'diplomacy'],
  },
  {
    title: 'Kharkiv market district shelled overnight',
    summary:
      'Fires broke out in a large market and nearby residential buildings. The regional emergency service said firefighters worked until dawn.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/17/kharkiv-market-district-shelled-overnight',
    author: 'Rafael Quintero',
    publishedAt: '2022-03-17T02:31:00Z',
    topics: ['military'],
  },
  {
    title: 'Survivors emerge from the theatre basement in Mariupol',
    summary:
      'Officials said some people had been pulled alive from the shelter beneath the building. Rescuers were still working with little equipment.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/17/survivors-emerge-from-the-theatre-basement-in-mariupol',
    publishedAt: '2022-03-17T06:01:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Missiles strike residential areas of Kramatorsk',
    summary:
      'Two rockets hit a neighbourhood in the eastern city, regional officials said. Windows were blown out across several streets.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/17/missiles-strike-residential-areas-of-kramatorsk',
    publishedAt: '2022-03-17T09:12:00Z',
    topics: ['military'],
  },
  {
    title: 'Manipulated video urging surrender removed from social platforms',
    summary:
      'A doctored clip was posted after a hacked news website ran a fake message. Platforms said they had taken down the video within hours.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/17/manipulated-video-urging-surrender-removed-from-social-platforms',
    author: 'Callum Rourke',
    publishedAt: '2022-03-17T11:41:00Z',
    topics: ['cyber'],
  },
  {
    title: 'Donors pledge more aid at an international conference',
    summary:
      'Governments promised fresh funding for shelters, food and medical care inside Ukraine. Aid groups said the money must reach those still trapped in the east.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/17/donors-pledge-more-aid-at-an-international-conference',
    publishedAt: '2022-03-17T14:32:00Z',
    topics: ['international', 'humanitarian'],
  },
  {
    title: 'Germany races to sign new LNG deals to replace Russian gas',
    summary:
      'Officials said talks with Qatar and other suppliers were moving faster than expected. Floating import terminals could be installed within a year.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/17/germany-races-to-sign-new-lng-deals-to-replace-russian-gas',
    publishedAt: '2022-03-17T18:43:00Z',
    topics: ['energy'],
  },
  {
    title: 'Missiles hit an aircraft repair plant near Lviv airport',
    summary:
      'The strike destroyed buildings at the site, but the airport itself was not hit, the mayor said. No one was reported killed because work had stopped before the attack.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/18/missiles-hit-an-aircraft-repair-plant-near-lviv-airport',
    author: 'Oksana Berehova',
    publishedAt: '2022-03-18T04:33:00Z',
    topics: ['military'],
  },
  {
    title: 'Rescuers search the ruins of a Kharkiv school',
    summary:
      'The building was hit by an overnight strike, emergency services said. Several people who had been sheltering there were reported missing.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/18/rescuers-search-the-ruins-of-a-kharkiv-school',
    publishedAt: '2022-03-18T07:42:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Oil climbs again as supply worries return',
    summary:
      'Brent rose back above $105 after falling earlier in the week. Traders said progress in talks was not enough to ease concerns.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/18/oil-climbs-again-as-supply-worries-return',
    publishedAt: '2022-03-18T10:13:00Z',
    topics: ['energy', 'economy'],
  },
  {
    title: 'Washington and Beijing hold a call on the war',
    summary:
      'The White House said it warned of consequences if China gave material support to Moscow. Beijing said the sides should try to avoid escalation.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/18/washington-and-beijing-hold-a-call-on-the-war',
    publishedAt: '2022-03-18T12:52:00Z',
    topics: ['diplomacy', 'international'],
  },
  {
    title: 'Refugee count passes 3.2 million',
    summary:
      'UN figures show the number of people who have left Ukraine continues to climb. Most are women and children.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/18/refugee-count-passes-3-2-million',
    author: 'Wren Halloway',
    publishedAt: '2022-03-18T16:13:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Fighting reaches central Mariupol streets',
    summary:
      'Troops advanced into the city centre and fighting was reported near the steel works. Officials said the defenders were holding out.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/18/fighting-reaches-central-mariupol-streets',
    publishedAt: '2022-03-18T21:02:00Z',
    topics: ['military'],
  },
  {
    title: 'Moscow says it used a hypersonic missile against an arms depot',
    summary:
      'The defence ministry said it destroyed an underground warehouse in the west. Ukrainian officials did not confirm the type of weapon.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/19/moscow-says-it-used-a-hypersonic-missile-against-an-arms-depot',
    publishedAt: '2022-03-19T00:23:00Z',
    topics: ['military'],
  },
  {
    title: 'Deadly strike hits a barracks in Mykolaiv',
    summary:
      'Soldiers were sleeping when missiles hit the base, rescuers said. Dozens were killed, according to local accounts.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/19/deadly-strike-hits-a-barracks-in-mykolaiv',
    author: 'Maeve Costigan',
    publishedAt: '2022-03-19T07:02:00Z',
    topics: ['military'],
  },
  {
    title: 'Art school sheltering 400 people bombed in Mariupol',
    summary:
      'City officials said the building was destroyed and people could still be trapped under the rubble. There was no information about casualties yet.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/19/art-school-sheltering-400-people-bombed-in-mariupol',
    publishedAt: '2022-03-19T10:32:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Allies promise more air defence systems for Ukraine',
    summary:
      'Several countries said they would send short-range systems within weeks. Kyiv said it needed longer-range systems to protect its cities.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/19/allies-promise-more-air-defence-systems-for-ukraine',
    publishedAt: '2022-03-19T13:22:00Z',
    topics: ['international', 'military'],
  },
  {
    title: 'Kyiv puts early war damage at more than $100 billion',
    summary:
      'Government economists said roads, bridges, airports and homes had been destroyed. They said the final figure would be far higher.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/19/kyiv-puts-early-war-damage-at-more-than-100-billion',
    author: 'Aurel Dumitrescu',
    publishedAt: '2022-03-19T16:02:00Z',
    topics: ['economy'],
  },
  {
    title: 'Hackers publish internal emails from a Russian regional utility',
    summary:
      'A group posted what it said were thousands of messages from an electricity and heating company. The authenticity of the files could not be confirmed.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/19/hackers-publish-internal-emails-from-a-russian-regional-utility',
    publishedAt: '2022-03-19T19:32:00Z',
    topics: ['cyber', 'energy'],
  },
  {
    title: 'Kyiv rejects an ultimatum to surrender Mariupol',
    summary:
      'The deputy prime minister said there could be no question of laying down arms. Moscow had demanded an answer by early morning.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/20/kyiv-rejects-an-ultimatum-to-surrender-mariupol',
    publishedAt: '2022-03-20T03:04:00Z',
    topics: ['diplomacy', 'military'],
  },
  {
    title: 'Thousands reportedly taken from Mariupol to Russia against their will',
    summary:
      'City officials said residents had been moved across the border through screening camps. The claims could not be independently verified.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/20/thousands-reportedly-taken-from-mariupol-to-russia-against-their-will',
    publishedAt: '2022-03-20T07:53:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Front lines around Kyiv stall as defenders hold their positions',
    summary:
      'Military analysts said the assault on the capital had largely stopped moving. Shelling continued in the northern and western suburbs.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/20/front-lines-around-kyiv-stall-as-defenders-hold-their-positions',
    author: 'Sofie Aaltonen',
    publishedAt: '2022-03-20T10:24:00Z',
    topics: ['military'],
  },
  {
    title: "Gas keeps flowing through Ukraine's pipelines despite the war",
    summary:
      'The operator said transit volumes were in line with contract levels. Analysts said both sides had an interest in keeping the flows going for now.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/20/gas-keeps-flowing-through-ukraines-pipelines-despite-the-war',
    publishedAt: '2022-03-20T13:14:00Z',
    topics: ['energy'],
  },
  {
    title: 'Pacific partners widen export bans on Russia',
    summary:
      'Japan and Australia added new goods and individuals to their sanctions lists. Both said they were coordinating with European and North American allies.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/20/pacific-partners-widen-export-bans-on-russia',
    publishedAt: '2022-03-20T16:34:00Z',
    topics: ['international'],
  },
  {
    title: 'Strike destroys a shopping centre in northern Kyiv',
    summary:
      'The blast levelled a large mall and damaged nearby apartment blocks, killing at least eight people. Officials said rocket launchers had been placed nearby.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/20/strike-destroys-a-shopping-centre-in-northern-kyiv',
    author: 'Lena Marchetti',
    publishedAt: '2022-03-20T20:44:00Z',
    topics: ['military'],
  },
  {
    title: 'Ammonia leak at Sumy chemical plant after shelling',
    summary:
      'Residents living within a few kilometres of the plant were told to stay indoors. Emergency workers said the leak was contained by morning.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/20/ammonia-leak-at-sumy-chemical-plant-after-shelling',
    publishedAt: '2022-03-20T23:33:00Z',
    topics: ['humanitarian', 'military'],
  },
  {
    title: 'Kyiv announces a 35-hour curfew from Monday evening',
    summary:
      'City authorities said no one would be allowed outside except to go to a shelter. Shops and petrol stations will close.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/21/kyiv-announces-a-35-hour-curfew-from-monday-evening',
    publishedAt: '2022-03-21T06:32:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Moscow stock exchange to partly reopen after a month',
    summary:
      'Trading will resume in a limited number of stocks with restrictions on short selling. Foreign investors will not be allowed to sell.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/21/moscow-stock-exchange-to-partly-reopen-after-a-month',
    author: 'Wren Halloway',
    publishedAt: '2022-03-21T09:43:00Z',
    topics: ['economy'],
  },
  {
    title: 'EU ministers discuss an oil embargo but remain divided',
    summary:
      "Some member states pushed for a ban on Russian oil, while others warned of damage to their economies. No decision was expected before the leaders' summit.",
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/21/eu-ministers-discuss-an-oil-embargo-but-remain-divided',
    publishedAt: '2022-03-21T12:24:00Z',
    topics: ['international', 'energy'],
  },
  {
    title: 'Officials urge companies to raise their guard against cyber threats',
    summary:
      'Agencies said there were signs that attackers were preparing new operations. Firms were told to patch systems and to use multi-factor authentication.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/21/officials-urge-companies-to-raise-their-guard-against-cyber-threats',
    publishedAt: '2022-03-21T15:13:00Z',
    topics: ['cyber'],
  },
  {
    title: 'New corridors open from Mariupol to Zaporizhzhia for private vehicles',
    summary:
      'Officials said thousands of people had reached the city by car over the weekend. Many more were still trying to get out.',
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/21/new-corridors-open-from-mariupol-to-zaporizhzhia-for-private-vehicles',
    publishedAt: '2022-03-21T18:53:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Ukrainian forces retake Makariv west of Kyiv',
    summary:
      'The defence ministry said the town had been cleared after heavy fighting. Officials said the road to the west of the capital was now more secure.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/22/ukrainian-forces-retake-makariv-west-of-kyiv',
    author: 'Taras Lebedenko',
    publishedAt: '2022-03-22T05:34:00Z',
    topics: ['military'],
  },
  {
    title: 'Mariupol residents describe weeks of life in cellars',
    summary:
      'People who escaped said they cooked over open fires and collected rainwater. Many had not seen daylight for days.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/22/mariupol-residents-describe-weeks-of-life-in-cellars',
    publishedAt: '2022-03-22T08:22:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Brent rises back above $115 as the EU weighs an embargo',
    summary:
      'Prices gained for a third day as talk of a ban on Russian oil grew louder. Traders said an attack on a Saudi oil facility added to the worry.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/22/brent-rises-back-above-115-as-the-eu-weighs-an-embargo',
    publishedAt: '2022-03-22T11:12:00Z',
    topics: ['energy', 'economy'],
  },
  {
    title: 'Allied leaders prepare for three summits in Brussels',
    summary:
      'NATO, the G7 and the EU are all due to meet in the city this week. Officials said new aid and sanctions would top the agenda.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/22/allied-leaders-prepare-for-three-summits-in-brussels',
    author: 'Franz Oberleitner',
    publishedAt: '2022-03-22T14:43:00Z',
    topics: ['international'],
  },
  {
    title: 'Scam websites pose as donation pages for war victims',
    summary:
      'Researchers said dozens of fake charity sites had been set up to steal money and card details. Donors were urged to give only to well-known organisations.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/22/scam-websites-pose-as-donation-pages-for-war-victims',
    publishedAt: '2022-03-22T21:16:00Z',
    topics: ['cyber', 'humanitarian'],
  },
  {
    title: 'Counter-attacks push troops back from Kyiv suburbs',
    summary:
      'Ukrainian forces said they had regained ground around Irpin and other towns. The fighting was some of the most intense seen near the capital.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/23/counter-attacks-push-troops-back-from-kyiv-suburbs',
    publishedAt: '2022-03-23T04:02:00Z',
    topics: ['military'],
  },
  {
    title: 'Humanitarian convoy seized near Mariupol, Kyiv says',
    summary:
      'Officials said buses and rescue workers had been held by troops on the road. The buses were meant to carry civilians out of the city.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/23/humanitarian-convoy-seized-near-mariupol-kyiv-says',
    author: 'Yana Sorokivska',
    publishedAt: '2022-03-23T07:43:00Z',
    topics: ['humanitarian'],
  },
  {
    title: "Moscow demands rouble payment for gas from 'unfriendly' countries",
    summary:
      'The demand sent European gas prices higher as importers scrambled to understand what it meant. Several governments said it would breach existing contracts.',
    source: { name: 'Continental Review', url: 'https://continental-review.example.com/' },
    url: 'https://continental-review.example.com/2022/03/23/moscow-demands-rouble-payment-for-gas-from-unfriendly-countries',
    publishedAt: '2022-03-23T10:52:00Z',
    topics: ['energy', 'economy'],
  },
  {
    title: "Talks are 'very difficult', Ukrainian negotiator says",
    summary:
      'Kyiv said the sides were far apart on key issues. Moscow said Ukraine was delaying the process.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/23/talks-are-very-difficult-ukrainian-negotiator-says',
    publishedAt: '2022-03-23T14:03:00Z',
    topics: ['diplomacy'],
  },
  {
    title: "Half of Ukraine's children have been forced from their homes",
    summary:
      'A UN agency said more than four million children had been displaced in one month. Many had crossed the border with their mothers.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/23/half-of-ukraines-children-have-been-forced-from-their-homes',
    publishedAt: '2022-03-23T17:33:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Landing ship destroyed in the port of Berdiansk',
    summary:
      "Images showed a large fire at the quay in the occupied port. Ukraine's navy said the ship had been hit.",
    source: { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
    url: 'https://atlas-radio.example.org/2022/03/24/landing-ship-destroyed-in-the-port-of-berdiansk',
    author: 'Rafael Quintero',
    publishedAt: '2022-03-24T01:02:00Z',
    topics: ['military'],
  },
  {
    title: 'NATO leaders meet in Brussels one month after the invasion',
    summary:
      'Leaders agreed to send more troops to the eastern flank. They also promised more help for Ukraine.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/24/nato-leaders-meet-in-brussels-one-month-after-the-invasion',
    publishedAt: '2022-03-24T06:33:00Z',
    topics: ['international'],
  },
  {
    title: 'G7 moves to stop Moscow using its gold reserves',
    summary:
      'Leaders said sales of gold by the central bank would be covered by existing sanctions. Officials said it would close a loophole.',
    source: { name: 'Danube Post', url: 'https://danube-post.example.net/' },
    url: 'https://danube-post.example.net/2022/03/24/g7-moves-to-stop-moscow-using-its-gold-reserves',
    publishedAt: '2022-03-24T09:32:00Z',
    topics: ['international', 'economy'],
  },
  {
    title: 'More than ten million people have fled their homes, UN says',
    summary:
      'The number includes people displaced within Ukraine and those who have left the country. It is nearly a quarter of the population.',
    source: { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
    url: 'https://northern-wire.example.org/2022/03/24/more-than-ten-million-people-have-fled-their-homes-un-says',
    author: 'Ilse Varga',
    publishedAt: '2022-03-24T12:03:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'EU and US strike a deal on extra LNG deliveries to Europe',
    summary:
      'The agreement aims to replace part of the gas Europe buys from Russia. Officials said more supplies would come by the end of the year.',
    source: { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
    url: 'https://carpathian-observer.example.org/2022/03/24/eu-and-us-strike-a-deal-on-extra-lng-deliveries-to-europe',
    publishedAt: '2022-03-24T15:32:00Z',
    topics: ['energy', 'international'],
  },
  {
    title: 'Gas prices jump as the payment dispute deepens',
    summary:
      'Traders said uncertainty about rouble payments could lead to a supply cut. European storage levels are still low after the winter.',
    source: { name: 'Granary Times', url: 'https://granary-times.example.com/' },
    url: 'https://granary-times.example.com/2022/03/24/gas-prices-jump-as-the-payment-dispute-deepens',
    publishedAt: '2022-03-24T19:23:00Z',
    topics: ['energy'],
  },
  {
    title: 'Strikes hit a military headquarters in Dnipro',
    summary:
      'Two missiles struck a military command building, regional officials said. Several people were reported killed.',
    source: { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
    url: 'https://steppe-courier.example.org/2022/03/25/strikes-hit-a-military-headquarters-in-dnipro',
    author: 'Oksana Berehova',
    publishedAt: '2022-03-25T00:13:00Z',
    topics: ['military'],
  },
  {
    title: 'Mariupol theatre death toll feared to be around 300',
    summary:
      'City officials said witness accounts suggested a large number of people died. The final figure may never be known.',
    source: { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
    url: 'https://lighthouse-bulletin.example.net/2022/03/25/mariupol-theatre-death-toll-feared-to-be-around-300',
    publishedAt: '2022-03-25T06:23:00Z',
    topics: ['humanitarian'],
  },
  {
    title: 'Moscow says it will now focus on eastern regions',
    summary:
      'The defence ministry said the first stage of its operation was largely complete. Western officials said the change came after heavy losses near Kyiv.',
    source: { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
    url: 'https://harbour-gazette.example.net/2022/03/25/moscow-says-it-will-now-focus-on-eastern-regions',
    publishedAt: '2022-03-25T09:03:00Z',
    topics: ['military', 'diplomacy'],
  },
  {
    title: 'New round of face-to-face talks expected next week',
    summary:
      'Both sides said they would meet in person again soon. Officials said the venue would be announced later.',
    source: { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
    url: 'https://meridian-news.example.com/2022/03/25/new-round-of-face-to-face-talks-expected-next-week',
    publishedAt: '2022-03-25T12:13:00Z',
    topics: ['diplomacy'],
  },
  {
    title: 'EU leaders agree to buy gas together',
    summary:
      'The bloc will pool demand for gas, LNG and hydrogen to get better prices. It also wants storage filled before next winter.',
    source: { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
    url: 'https://kyiv-morning-ledger.example.org/2022/03/25/eu-leaders-agree-to-buy-gas-together',
    author: 'Bohdan Yaremchak',
    publishedAt: '2022-03-25T15:42:00Z',
    topics: ['energy', 'international'],
  },
  {
    title: 'Telecom operator restores service after a major cyber attack',
    summary:
      'The company said most customers were reconnected after engineers worked through the day. Officials said the attack came from abroad.',
    source: { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
    url: 'https://baltic-dispatch.example.com/2022/03/25/telecom-operator-restores-service-after-a-major-cyber-attack',
    publishedAt: '2022-03-25T21:32:00Z',
    topics: ['cyber'],
  },
];
