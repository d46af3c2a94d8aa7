/** Lines the live demo simulator posts, written for this project. */
export interface SimulatorLine {
  title: string;
  summary: string;
  topics: string[];
}

export const simulatorLines: readonly SimulatorLine[] = [
  {
    title: 'Overnight shelling reported on the outskirts of a frontline town',
    summary:
      'Local officials said several houses were damaged and residents spent the night in basements. Emergency crews were assessing the damage at first light.',
    topics: ['military'],
  },
  {
    title: 'Missile alert issued for several central regions',
    summary:
      'Residents were urged to move to shelters until the all-clear sounds. Air defences were reported active in at least two regions.',
    topics: ['military'],
  },
  {
    title: 'Air defences shoot down a drone over a regional capital',
    summary: 'Debris fell on an empty car park, the regional governor said. No injuries were reported.',
    topics: ['military'],
  },
  {
    title: 'Troops repel an attempted advance near a river crossing',
    summary:
      'The general staff said the attacking unit withdrew after several hours of fighting. The information could not be independently verified.',
    topics: ['military'],
  },
  {
    title: 'Drone strike damages a fuel depot behind the front line',
    summary:
      'A large fire broke out at the depot and firefighters worked for hours to contain it. Officials said nobody was hurt.',
    topics: ['military', 'energy'],
  },
  {
    title: 'Artillery duels continue along the eastern front',
    summary:
      'Both sides exchanged heavy fire through the morning, military officials said. Front lines did not change significantly.',
    topics: ['military'],
  },
  {
    title: 'Military says it has retaken a village after days of fighting',
    summary:
      'Soldiers raised a flag over the village council building, according to a video posted by the unit. Engineers are clearing mines from the roads.',
    topics: ['military'],
  },
  {
    title: 'Curfew extended in a city near the front after night-time shelling',
    summary:
      'The mayor said residents must stay indoors from early evening until morning. Shops will close an hour earlier than usual.',
    topics: ['military', 'humanitarian'],
  },
  {
    title: 'Missile strike hits an industrial site on the edge of a city',
    summary:
      'Windows were blown out in nearby homes, officials said. Rescuers were checking the area for injured people.',
    topics: ['military'],
  },
  {
    title: 'Troops reinforce positions around a key highway junction',
    summary:
      'Analysts said the road is vital for supplying units further east. Satellite images show new trenches along the route.',
    topics: ['military'],
  },
  {
    title: 'Sirens sound in the capital as a wave of drones approaches',
    summary:
      'Residents heard several explosions as air defences engaged targets over the city. Officials asked people not to film or post the locations of hits.',
    topics: ['military'],
  },
  {
    title: 'Delegations agree to hold another round of talks',
    summary:
      'Negotiators said they would meet again after consultations in their capitals. No date has been set.',
    topics: ['diplomacy'],
  },
  {
    title: 'Foreign minister says a ceasefire must come before any deal',
    summary:
      'He said talks could only make progress once the guns fell silent. The other side has rejected any preconditions.',
    topics: ['diplomacy'],
  },
  {
    title: 'Mediators shuttle between delegations in a bid to revive talks',
    summary:
      'Diplomats said a neutral government had offered to host the next meeting. Both sides said they were studying the offer.',
    topics: ['diplomacy'],
  },
  {
    title: 'Prisoner exchange completed after weeks of negotiations',
    summary:
      'Dozens of captured soldiers and civilians returned home in the swap, officials said. Relatives gathered at the crossing point to greet them.',
    topics: ['diplomacy', 'military'],
  },
  {
    title: 'Talks on a local ceasefire stall over the route of a corridor',
    summary:
      'Negotiators disagreed on which roads civilians should be allowed to use. Humanitarian agencies urged both sides to reach a deal quickly.',
    topics: ['diplomacy', 'humanitarian'],
  },
  {
    title: 'Ambassador summoned over shelling near a border area',
    summary: 'The foreign ministry handed over a formal protest note. The embassy rejected the accusations.',
    topics: ['diplomacy'],
  },
  {
    title: 'Negotiators exchange draft documents on security guarantees',
    summary:
      'Officials said the drafts covered neutrality, guarantees and the status of some territories. Major differences remain.',
    topics: ['diplomacy'],
  },
  {
    title: 'Peace talks to continue by video link',
    summary:
      'The two delegations said working groups would meet online every day this week. A face-to-face meeting could follow.',
    topics: ['diplomacy'],
  },
  {
    title: 'Neighbouring leader offers to host direct talks',
    summary:
      'The offer was made in phone calls with both sides, officials said. Previous mediation attempts have produced little.',
    topics: ['diplomacy', 'international'],
  },
  {
    title: 'Evacuation buses leave a besieged town under a local ceasefire',
    summary:
      'Regional officials said several hundred people boarded buses in the morning. Aid workers travelled with the convoy.',
    topics: ['humanitarian'],
  },
  {
    title: 'Refugees continue to cross the western border in large numbers',
    summary:
      'Border guards said tens of thousands of people crossed in the past day. Most were women, children and elderly people.',
    topics: ['humanitarian'],
  },
  {
    title: 'Aid convoy reaches a city cut off for weeks',
    summary:
      'Trucks carrying food, water and medicine arrived after a long journey past checkpoints. Volunteers began distributing supplies at once.',
    topics: ['humanitarian'],
  },
  {
    title: 'Hospitals appeal for blood donors after a surge in casualties',
    summary:
      'Doctors said stocks of several blood types were running low. Hundreds of people queued to donate within hours.',
    topics: ['humanitarian'],
  },
  {
    title: 'Evacuation trains add extra carriages as demand grows',
    summary:
      'The railway said it would run additional services from eastern cities. Passengers with children and pets are given priority.',
    topics: ['humanitarian'],
  },
  {
    title: 'Shelters in the west run short of beds for displaced families',
    summary:
      'Officials asked residents with spare rooms to offer them to families arriving from the east. Schools and gyms have been converted into dormitories.',
    topics: ['humanitarian'],
  },
  {
    title: 'Aid agencies warn of food shortages in encircled areas',
    summary:
      'Humanitarian groups said stocks were running out and deliveries were blocked. They called for safe access for relief convoys.',
    topics: ['humanitarian'],
  },
  {
    title: 'Evacuation corridor opens for residents of a frontline village',
    summary:
      'Residents left in private cars and buses during an agreed pause in shelling. Many had spent weeks in basements.',
    topics: ['humanitarian'],
  },
  {
    title: 'Volunteers set up a field kitchen at a border crossing',
    summary:
      'Cooks are serving hot meals to refugees waiting in long queues. Donations of food have been arriving from across the region.',
    topics: ['humanitarian'],
  },
  {
    title: 'Refugees find temporary homes with host families abroad',
    summary:
      'Thousands of households have volunteered to take in people fleeing the war. Officials said paperwork was being simplified.',
    topics: ['humanitarian', 'international'],
  },
  {
    title: 'Water supply restored to several districts after repairs',
    summary:
      'Utility workers fixed damaged pipes despite the risk of shelling. Residents were told to boil water for now.',
    topics: ['humanitarian'],
  },
  {
    title: 'Currency steadies after central bank intervention',
    summary:
      'Traders said the bank sold foreign currency to support the exchange rate. Markets remain nervous.',
    topics: ['economy'],
  },
  {
    title: 'Wheat prices climb as ports stay closed',
    summary:
      'Importers are looking for other suppliers as exports from the region remain blocked. Analysts warned of higher bread prices.',
    topics: ['economy'],
  },
  {
    title: 'Stock markets fall as investors weigh the impact of the war',
    summary: 'Shares in banks and airlines led losses. Safe-haven assets such as gold rose.',
    topics: ['economy'],
  },
  {
    title: 'Businesses reopen in the capital as shelling eases',
    summary:
      'Cafes, pharmacies and some shops have started trading again. Owners said customers were slowly returning.',
    topics: ['economy'],
  },
  {
    title: 'Fuel shortages hit farmers ahead of the sowing season',
    summary:
      'Many farms do not have enough diesel to run their machinery. The government is trying to import more fuel.',
    topics: ['economy', 'energy'],
  },
  {
    title: 'Government says it will keep paying salaries and pensions',
    summary:
      'The finance ministry said budget payments would continue on schedule. Defence spending has priority.',
    topics: ['economy'],
  },
  {
    title: 'Central bank keeps the exchange rate fixed',
    summary:
      'The bank said the fixed rate would stay in place while martial law lasts. Cash withdrawals remain limited.',
    topics: ['economy'],
  },
  {
    title: "Ratings agency cuts the country's credit rating",
    summary:
      'The agency said the war had sharply raised the risk of default. The government said it would meet its obligations.',
    topics: ['economy'],
  },
  {
    title: 'Supply chains disrupted as the war cuts off key exports',
    summary:
      'Carmakers said shortages of wiring and metals were forcing them to slow production. Prices for some parts have doubled.',
    topics: ['economy'],
  },
  {
    title: 'Retailers limit sales of sugar and flour',
    summary:
      'Shops said demand had surged as people stocked up. Officials said there was no shortage of supply.',
    topics: ['economy'],
  },
  {
    title: 'New sanctions target banks and state companies',
    summary:
      'The measures freeze assets and limit access to Western financial markets. Officials said further steps were being prepared.',
    topics: ['international'],
  },
  {
    title: "Allies pledge more military aid at a donors' meeting",
    summary:
      'Several governments promised weapons, ammunition and equipment. The package includes anti-tank and air defence systems.',
    topics: ['international', 'military'],
  },
  {
    title: 'Sanctions widened to include more business figures',
    summary:
      'Assets were frozen and travel bans imposed on several wealthy individuals. Authorities are searching for yachts and property abroad.',
    topics: ['international'],
  },
  {
    title: 'UN Security Council holds an emergency meeting',
    summary:
      'Members discussed the humanitarian situation and calls for a ceasefire. No resolution was adopted.',
    topics: ['international'],
  },
  {
    title: 'European leaders meet to discuss support for Ukraine',
    summary:
      'The summit is expected to focus on aid, refugees and energy. Leaders also discussed further sanctions.',
    topics: ['international'],
  },
  {
    title: 'Donor countries pledge funds for humanitarian relief',
    summary:
      'Governments promised money for food, shelter and medical care. Aid groups said the needs were growing every day.',
    topics: ['international', 'humanitarian'],
  },
  {
    title: 'Airspace bans extended for another month',
    summary:
      'Several countries said restrictions on Russian aircraft would stay in place. Airlines are flying longer routes to avoid the region.',
    topics: ['international'],
  },
  {
    title: 'Foreign volunteers arrive to help at border crossings',
    summary:
      'Doctors, cooks and drivers from across Europe have joined local aid efforts. Many paid their own way.',
    topics: ['international', 'humanitarian'],
  },
  {
    title: 'Sanctions list adds defence and technology companies',
    summary:
      'The new rules ban exports of chips and precision equipment. Officials said they aimed to cut the supply of parts for weapons.',
    topics: ['international'],
  },
  {
    title: 'International court team collects evidence of possible war crimes',
    summary:
      'Investigators visited damaged areas and spoke to witnesses. They said the work would take months.',
    topics: ['international'],
  },
  {
    title: 'Allies coordinate plans to reduce dependence on Russian energy',
    summary:
      'Officials discussed new supply contracts, savings and storage. They said progress would be reviewed every month.',
    topics: ['international', 'energy'],
  },
  {
    title: 'Gas prices rise as flows through a key pipeline fall',
    summary:
      'The pipeline operator said volumes had dropped in the past day. Traders said the fall raised the risk of shortages next winter.',
    topics: ['energy'],
  },
  {
    title: 'Power grid operator restores electricity to thousands of homes',
    summary:
      'Engineers repaired damaged lines in several regions. Some villages near the front line are still without power.',
    topics: ['energy'],
  },
  {
    title: 'Oil price climbs as traders weigh new supply risks',
    summary:
      'Brent rose as markets watched for further sanctions on energy exports. Analysts expect prices to stay volatile.',
    topics: ['energy', 'economy'],
  },
  {
    title: 'Strike damages a power substation, leaving districts in the dark',
    summary:
      'The grid operator said repair crews would start work once the area was safe. Hospitals switched to back-up generators.',
    topics: ['energy', 'military'],
  },
  {
    title: 'Nuclear plant operating normally, regulator says',
    summary:
      'Radiation levels around the site are within normal limits. Inspectors said communication with staff had been restored.',
    topics: ['energy'],
  },
  {
    title: 'Europe races to fill gas storage before winter',
    summary:
      'Storage levels are below average for the time of year. Governments are buying LNG from several suppliers.',
    topics: ['energy'],
  },
  {
    title: 'Fuel rationing introduced at petrol stations',
    summary:
      'Drivers are limited to a set number of litres per visit. Officials said deliveries would improve within weeks.',
    topics: ['energy'],
  },
  {
    title: 'Power grid link with Europe helps keep the lights on',
    summary:
      'Operators said imports of electricity had covered part of the shortfall. Exports could resume once damaged plants are repaired.',
    topics: ['energy', 'international'],
  },
  {
    title: 'Gas transit continues despite fighting near pipelines',
    summary:
      'The operator said flows were in line with contract volumes. Repair crews were working to fix a damaged section.',
    topics: ['energy'],
  },
  {
    title: 'Heating plants in the east switch to reserve fuel',
    summary:
      'Utilities said gas supplies had been interrupted by damage to a local pipeline. Residents were asked to save energy where possible.',
    topics: ['energy', 'humanitarian'],
  },
  {
    title: 'Government websites hit by a denial-of-service attack',
    summary:
      'Several ministry portals were slow or unreachable for hours. Officials said no data had been stolen.',
    topics: ['cyber'],
  },
  {
    title: 'Hackers deface a regional news site with fake reports',
    summary:
      'The site displayed false claims of a surrender before editors restored it. Readers were asked to rely on official channels.',
    topics: ['cyber'],
  },
  {
    title: 'Security service warns of phishing emails posing as aid groups',
    summary:
      'The messages try to trick people into opening malicious files. Officials urged people to check sender addresses carefully.',
    topics: ['cyber', 'humanitarian'],
  },
  {
    title: 'Bank customers face outages after a cyber attack',
    summary:
      'Online banking and card payments were disrupted for several hours. The bank said customer funds were safe.',
    topics: ['cyber', 'economy'],
  },
  {
    title: 'Hackers target power grid control systems, researchers say',
    summary:
      'An attempt to switch off substations was detected and stopped, officials said. Investigators are studying the malware used.',
    topics: ['cyber', 'energy'],
  },
  {
    title: 'Volunteer hackers claim attacks on state media sites',
    summary: 'The group posted screenshots showing the sites offline. The claims could not be verified.',
    topics: ['cyber'],
  },
  {
    title: 'Mobile network restored after a cyber attack',
    summary:
      'The operator said services were back to normal after engineers isolated the affected systems. Customers were told to restart their phones.',
    topics: ['cyber'],
  },
  {
    title: 'New data-wiping malware found on government computers',
    summary:
      'Researchers said the program destroys files and makes machines unusable. Organisations were urged to update their defences.',
    topics: ['cyber'],
  },
  {
    title: 'Fake donation websites target people wanting to help',
    summary:
      'Researchers found dozens of sites set up to steal money and card details. Donors were urged to give only through trusted channels.',
    topics: ['cyber', 'humanitarian'],
  },
  {
    title: 'Authorities take down a network of bot accounts spreading false reports',
    summary:
      'The security service said the accounts had shared fake news about evacuations. Several people were detained.',
    topics: ['cyber'],
  },
  {
    title: 'Cyber agency warns firms to patch systems after new attacks',
    summary:
      'Officials said hackers were exploiting known flaws in remote access software. Companies were told to update immediately.',
    topics: ['cyber'],
  },
  {
    title: 'Delegation returns home for consultations after a day of talks',
    summary:
      'Negotiators said they had made some progress on humanitarian issues. Political questions remain unresolved.',
    topics: ['diplomacy'],
  },
  {
    title: 'Foreign ministers to meet on the sidelines of a regional summit',
    summary:
      'It would be the first meeting between them in several weeks. Hosts said they hoped it would lead to a ceasefire.',
    topics: ['diplomacy'],
  },
  {
    title: 'Talks on a humanitarian ceasefire resume after a pause',
    summary:
      'Mediators said both sides had agreed to return to the table. The focus will be on corridors and prisoner releases.',
    topics: ['diplomacy', 'humanitarian'],
  },
  {
    title: 'Drone footage shows destroyed armour along a country road',
    summary:
      'The video, released by the military, shows burned-out vehicles near a forest. The location could not be independently confirmed.',
    topics: ['military'],
  },
  {
    title: "Children's hospital patients evacuated to the west",
    summary:
      'Doctors travelled with dozens of young patients on a specially equipped train. Some will continue treatment abroad.',
    topics: ['humanitarian'],
  },
  {
    title: 'Port closures push up shipping and insurance costs',
    summary:
      'Insurers raised premiums for vessels sailing near the conflict zone. Some shipping companies have suspended routes.',
    topics: ['economy'],
  },
  {
    title: 'Parliament approves a new aid package for Ukraine',
    summary:
      'Lawmakers voted to send money, weapons and humanitarian supplies. The first deliveries are expected within weeks.',
    topics: ['international'],
  },
];

export const simulatorOutlets: readonly { name: string; url: string }[] = [
  { name: 'Northern Wire', url: 'https://northern-wire.example.org/' },
  { name: 'Baltic Dispatch', url: 'https://baltic-dispatch.example.com/' },
  { name: 'Kyiv Morning Ledger', url: 'https://kyiv-morning-ledger.example.org/' },
  { name: 'Danube Post', url: 'https://danube-post.example.net/' },
  { name: 'Meridian News', url: 'https://meridian-news.example.com/' },
  { name: 'Atlas Radio', url: 'https://atlas-radio.example.org/' },
  { name: 'Harbour Gazette', url: 'https://harbour-gazette.example.net/' },
  { name: 'Continental Review', url: 'https://continental-review.example.com/' },
  { name: 'Steppe Courier', url: 'https://steppe-courier.example.org/' },
  { name: 'Lighthouse Bulletin', url: 'https://lighthouse-bulletin.example.net/' },
  { name: 'Carpathian Observer', url: 'https://carpathian-observer.example.org/' },
  { name: 'Granary Times', url: 'https://granary-times.example.com/' },
];
