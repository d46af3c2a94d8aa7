import type { DemoOutlet } from './outlets.js';

/** One outlet's report of a demo story. */
export interface DemoReport {
  outlet: DemoOutlet;
  /** Minutes after the story's first report. */
  after?: number;
  /** Headline, at most 140 characters. */
  title: string;
  /** One or two sentences. */
  summary: string;
  author?: string;
  /** Made the event's sticky post once loaded. */
  sticky?: true;
  /** Corrected once loaded, through the same PATCH path an editor uses. */
  correction?: { summary: string; note: string };
}

/** A development of the demo conflict and the outlets that reported it. */
export interface DemoStory {
  /** 1 = the demo's first day; the last day of the history is today. */
  day: number;
  /** Local time of the first report, `HH:MM` in the demo's zone. */
  time: string;
  /** A key event: its first report is pinned. */
  key?: true;
  reports: DemoReport[];
}

/**
 * Three weeks of an invented conflict, written for this project: Drossland's troops cross into
 * Arvenia's Tessel Valley on day 1. Drossland, Arvenia, Saldera, Kestenia, the Concord of Nations,
 * the Northern Compact, every town, person and outlet are made up.
 */
export const demoHistory: readonly DemoStory[] = [
  // Day 1
  {
    day: 1,
    time: '04:50',
    key: true,
    reports: [
      {
        outlet: 'valley',
        title: 'Drosslandic troops cross into the Tessel Valley before dawn',
        summary:
          'Armoured columns crossed the border at three points north of Brisca shortly before five, border guards said. Shelling was heard across the valley.',
      },
      {
        outlet: 'courier',
        after: 25,
        title: 'Drossland launches a ground offensive into the Tessel Valley',
        summary:
          'Arvenia’s defence ministry said Drosslandic troops and tanks had crossed the border near Brisca and were moving towards Harnow.',
        author: 'Mira Jestel',
      },
      {
        outlet: 'compass',
        after: 55,
        title: 'Tessel Valley: Drossland’s troops cross the border near Brisca',
        summary:
          'The Drosslandic army confirmed what it called a security operation in the valley. Arvenian forces said they were fighting at the border posts.',
      },
    ],
  },
  {
    day: 1,
    time: '06:00',
    reports: [
      {
        outlet: 'desk',
        title: 'About this page: a fictional conflict, written for the Dayline demo',
        summary:
          'Drossland, Arvenia, the Tessel Valley and every town, person and outlet on this page are invented. The history is written for the demo and new updates arrive every few seconds from its simulator.',
        sticky: true,
      },
    ],
  },
  {
    day: 1,
    time: '09:15',
    reports: [
      {
        outlet: 'courier',
        title: 'President Varos declares a state of emergency across Arvenia',
        summary:
          'Ilena Varos told the country in a televised address that reservists would be called up and the valley’s airspace was closed.',
      },
      {
        outlet: 'meridian',
        after: 40,
        title: 'Arvenia declares a state of emergency as President Varos calls up reservists',
        summary:
          'The decree gives the army control of the Tessel Valley’s roads and railways for thirty days.',
      },
    ],
  },
  {
    day: 1,
    time: '15:30',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Saldera calls for an immediate halt to the fighting',
        summary:
          'Saldera’s government said it was ready to host talks in Ambrel and urged both capitals to keep a line open.',
      },
    ],
  },
  // Day 2
  {
    day: 2,
    time: '07:10',
    reports: [
      {
        outlet: 'valley',
        title: 'Families flee Brisca as shelling hits the town centre',
        summary:
          'Hundreds of residents left Brisca by car and on foot overnight, heading west towards Estervale. The town hall was struck twice.',
      },
      {
        outlet: 'harbour',
        after: 45,
        title: 'Brisca residents flee west after a night of shelling',
        summary:
          'Queues of cars stretched for kilometres on the road from Brisca to Estervale, where schools opened as shelters for displaced families.',
      },
      {
        outlet: 'compass',
        after: 90,
        title: 'Thousands flee Brisca after overnight shelling, officials say',
        summary:
          'The regional office said about four thousand civilians had left Brisca since the fighting began. Two people were killed in the town centre.',
      },
    ],
  },
  {
    day: 2,
    time: '13:00',
    reports: [
      {
        outlet: 'meridian',
        title: 'Concord Council meets in emergency session on the Tessel Valley',
        summary:
          'Members of the Concord of Nations heard from Arvenia’s ambassador, who asked for a resolution demanding the troops’ withdrawal.',
      },
      {
        outlet: 'ambrel',
        after: 70,
        title: 'Concord Council emergency session ends without a vote on the Tessel Valley',
        summary:
          'Drossland’s envoy said the operation would be short. Several members called for a ceasefire.',
      },
    ],
  },
  {
    day: 2,
    time: '17:45',
    reports: [
      {
        outlet: 'courier',
        title: 'The Arvenian mark falls to a record low as markets reopen',
        summary:
          'The currency lost a tenth of its value in an hour before the central bank stepped in. Shops in Selvane reported queues for cooking oil and flour.',
      },
    ],
  },
  // Day 3
  {
    day: 3,
    time: '06:20',
    reports: [
      {
        outlet: 'valley',
        title: 'Fighting reaches the outskirts of Harnow',
        summary:
          'Arvenian soldiers dug in along the canal on Harnow’s eastern edge as Drosslandic artillery shelled the grain silos.',
      },
      {
        outlet: 'compass',
        after: 50,
        title: 'Drosslandic forces reach the edge of Harnow, Arvenian army says',
        summary:
          'The general staff said attacks on the eastern outskirts of Harnow had been held off overnight.',
      },
    ],
  },
  {
    day: 3,
    time: '11:40',
    reports: [
      {
        outlet: 'meridian',
        title: 'Hackers knock Arvenia’s railway ticketing offline',
        summary:
          'The rail operator said its websites and ticket machines were down after a cyber attack, as thousands tried to leave the valley by train.',
      },
      {
        outlet: 'courier',
        after: 35,
        title: 'Cyber attack takes Arvenian rail ticketing offline as evacuees pack stations',
        summary:
          'Conductors were told to let passengers board without tickets. The operator blamed hackers working for Drossland.',
      },
    ],
  },
  {
    day: 3,
    time: '16:05',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Kestenia opens two more border crossings for people leaving Arvenia',
        summary: 'Kestenian officials said about nine thousand people had crossed since the fighting began.',
      },
    ],
  },
  // Day 4
  {
    day: 4,
    time: '05:35',
    reports: [
      {
        outlet: 'valley',
        title: 'Drossland’s troops take Vell Bridge over the Marrow',
        summary:
          'Arvenian units withdrew to the west bank after a night of fighting for the only road bridge between Harnow and Kaldeny.',
      },
      {
        outlet: 'compass',
        after: 60,
        title: 'Vell Bridge falls to Drosslandic troops after a night of fighting',
        summary:
          'Arvenia’s general staff confirmed its forces had pulled back from Vell Bridge but said the bridge had been mined.',
      },
    ],
  },
  {
    day: 4,
    time: '12:30',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Saldera offers to mediate and names an envoy',
        summary:
          'Anika Dorsay, a former foreign minister of Saldera, will travel to Selvane and Korvath to prepare talks in Ambrel.',
      },
      {
        outlet: 'meridian',
        after: 80,
        title: 'Salderan envoy Anika Dorsay to shuttle between Selvane and Korvath',
        summary:
          'Saldera said both governments had accepted its offer to mediate, though neither has agreed to talks.',
      },
    ],
  },
  {
    day: 4,
    time: '18:20',
    reports: [
      {
        outlet: 'courier',
        title: 'Fuel queues grow across Arvenia as the government limits sales',
        summary:
          'Drivers may buy twenty litres a day under new rules meant to keep fuel for ambulances and farms.',
      },
    ],
  },
  // Day 5
  {
    day: 5,
    time: '08:00',
    key: true,
    reports: [
      {
        outlet: 'harbour',
        title: 'Drosslandic warships blockade Port Amsel',
        summary:
          'Three warships took up positions off the harbour mouth at dawn and ordered merchant ships to turn back. Port Amsel handles most of Arvenia’s grain exports.',
      },
      {
        outlet: 'compass',
        after: 30,
        title: 'Drossland’s navy blockades Port Amsel, halting grain shipping',
        summary:
          'Shipping agents said eleven grain ships were stuck at the quays of Port Amsel. Insurers suspended cover for the port.',
      },
      {
        outlet: 'meridian',
        after: 75,
        title: 'Port Amsel blockade: warships turn back merchant ships',
        summary:
          'Arvenia called the blockade of Port Amsel an act of piracy and asked the Concord Council to meet again.',
      },
    ],
  },
  {
    day: 5,
    time: '14:10',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Northern Compact agrees first sanctions on Drossland',
        summary:
          'The alliance froze the assets of Drossland’s central bank abroad and banned flights by Drosslandic airlines over its members.',
      },
      {
        outlet: 'courier',
        after: 50,
        title: 'Northern Compact sanctions target Drossland’s central bank and airlines',
        summary: 'Allies said more sanctions would follow if the troops did not leave the Tessel Valley.',
      },
    ],
  },
  {
    day: 5,
    time: '19:00',
    reports: [
      {
        outlet: 'valley',
        title: 'First aid convoy reaches Harnow',
        summary:
          'Twelve trucks of the Red Lantern Society brought food, medicine and generators to the town’s hospital.',
      },
    ],
  },
  // Day 6
  {
    day: 6,
    time: '03:40',
    reports: [
      {
        outlet: 'valley',
        title: 'Missile strike on the Tollen Dam substation cuts power across the valley',
        summary:
          'The hydro plant at Tollen Dam stopped feeding the grid after its substation was struck overnight. Harnow and Kaldeny were left without electricity.',
      },
      {
        outlet: 'courier',
        after: 65,
        title: 'Tollen Dam substation hit, leaving the Tessel Valley without power',
        summary: 'The grid operator said repairs could take weeks. Hospitals switched to generators.',
      },
      {
        outlet: 'meridian',
        after: 120,
        title: 'Blackout in the Tessel Valley after a strike on Tollen Dam',
        summary:
          'Engineers said the dam itself was not damaged, but the substation that links the hydro plant to the grid was destroyed.',
      },
    ],
  },
  {
    day: 6,
    time: '12:15',
    reports: [
      {
        outlet: 'compass',
        title: 'Evacuation corridor opens from Harnow for six hours',
        summary:
          'Buses took about 1,800 residents, mostly children and older people, from Harnow to Estervale.',
      },
      {
        outlet: 'harbour',
        after: 40,
        title: 'Buses evacuate residents from Harnow along a six-hour corridor',
        summary:
          'The Red Lantern Society said the Harnow corridor held, though shelling resumed soon after it closed.',
      },
    ],
  },
  // Day 7
  {
    day: 7,
    time: '10:00',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Arvenia and Drossland agree to talks in Ambrel',
        summary:
          'Saldera’s envoy Anika Dorsay said delegations would meet in Ambrel the next morning. No ceasefire was agreed for the talks.',
      },
      {
        outlet: 'compass',
        after: 45,
        title: 'Delegations from Selvane and Korvath to meet in Ambrel',
        summary: 'Foreign minister Tomas Reyl will lead Arvenia’s delegation to the talks in Ambrel.',
      },
    ],
  },
  {
    day: 7,
    time: '15:20',
    reports: [
      {
        outlet: 'courier',
        title: 'Arvenia’s central bank raises its interest rate to defend the mark',
        summary:
          'The bank raised its rate by four points and limited how much currency people may take out of the country.',
      },
      {
        outlet: 'meridian',
        after: 30,
        title: 'Central bank in Selvane raises interest rate as the mark slides',
        summary: 'Economists expect prices in Arvenia to rise sharply as imports through Port Amsel stop.',
      },
    ],
  },
  // Day 8
  {
    day: 8,
    time: '09:30',
    key: true,
    reports: [
      {
        outlet: 'ambrel',
        title: 'Talks open in Ambrel as the fighting goes on',
        summary:
          'The Arvenian and Drosslandic delegations sat down at a Salderan government villa. Anika Dorsay said the first day was about a ceasefire and prisoners.',
        author: 'Jonas Ferreby',
      },
      {
        outlet: 'compass',
        after: 35,
        title: 'Arvenia and Drossland hold their first talks in Ambrel',
        summary:
          'Tomas Reyl said Arvenia asked for a ceasefire and the withdrawal of troops from the Tessel Valley.',
      },
      {
        outlet: 'courier',
        after: 95,
        title: 'First round of Ambrel talks: delegations agree to meet again',
        summary:
          'Both delegations said the talks in Ambrel were difficult and would go on after consultations at home.',
      },
    ],
  },
  {
    day: 8,
    time: '14:45',
    reports: [
      {
        outlet: 'valley',
        title: 'Shelling of Harnow continues during the talks',
        summary: 'A school used as a shelter was hit; residents said no one was inside at the time.',
      },
    ],
  },
  // Day 9
  {
    day: 9,
    time: '08:10',
    reports: [
      {
        outlet: 'harbour',
        title: 'Port Amsel runs short of drinking water',
        summary:
          'The water company said pumps had stopped for lack of power and asked residents to collect drinking water from tankers at six points in the city.',
      },
      {
        outlet: 'valley',
        after: 55,
        title: 'Drinking water rationed in Port Amsel as pumps fail',
        summary: 'Doctors at the city hospital said they were boiling water for the wards.',
      },
    ],
  },
  {
    day: 9,
    time: '13:30',
    reports: [
      {
        outlet: 'meridian',
        title: 'Hackers deface Drossland’s customs websites',
        summary:
          'A group calling itself Valley Shield said it had hacked the customs service and posted maps of the Tessel Valley on its websites.',
      },
    ],
  },
  {
    day: 9,
    time: '17:00',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Ambrel talks paused for consultations',
        summary: 'Anika Dorsay said the delegations had gone home to consult and would return within a week.',
      },
    ],
  },
  // Day 10
  {
    day: 10,
    time: '05:15',
    reports: [
      {
        outlet: 'valley',
        title: 'Arvenian counterattack near Kaldeny',
        summary:
          'Arvenian brigades attacked Drosslandic positions on the hills north of Kaldeny at first light, soldiers at the front said.',
      },
      {
        outlet: 'compass',
        after: 70,
        title: 'Arvenia’s army launches a counterattack north of Kaldeny',
        summary:
          'The general staff said its troops had advanced two kilometres towards Kaldeny’s rail junction.',
      },
    ],
  },
  {
    day: 10,
    time: '20:30',
    reports: [
      {
        outlet: 'meridian',
        title: 'Concord Council resolution on the Tessel Valley fails',
        summary:
          'Drossland voted against a resolution calling for a ceasefire; twelve members voted in favour.',
      },
      {
        outlet: 'ambrel',
        after: 25,
        title: 'Drossland blocks Concord Council resolution on a ceasefire',
        summary: 'Arvenia’s ambassador said the resolution would go to the full Concord of Nations instead.',
      },
    ],
  },
  // Day 11
  {
    day: 11,
    time: '11:00',
    key: true,
    reports: [
      {
        outlet: 'courier',
        title: 'Arvenian forces retake Kaldeny rail junction',
        summary:
          'President Varos said the army had recaptured Kaldeny and its rail junction after two days of fighting. Drosslandic troops withdrew east of the town.',
      },
      {
        outlet: 'valley',
        after: 20,
        title: 'Kaldeny retaken: Arvenian flag raised over the rail junction',
        summary:
          'Soldiers in Kaldeny said the town was badly damaged and that deminers were checking the station.',
      },
      {
        outlet: 'compass',
        after: 60,
        title: 'Drossland confirms its troops withdrew from Kaldeny',
        summary:
          'Drossland’s defence ministry said its forces had pulled back from Kaldeny to better positions.',
      },
    ],
  },
  {
    day: 11,
    time: '16:40',
    reports: [
      {
        outlet: 'harbour',
        title: 'Grain rots on the quays of Port Amsel',
        summary:
          'Exporters said forty thousand tonnes of grain were spoiling in the blockaded port as the harvest stores fill up.',
      },
    ],
  },
  // Day 12
  {
    day: 12,
    time: '10:20',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Arvenia and Drossland agree a prisoner exchange through Saldera',
        summary:
          'Each side will release sixty soldiers in Ambrel at the end of the week, Saldera’s foreign ministry said.',
      },
      {
        outlet: 'courier',
        after: 50,
        title: 'Prisoner exchange agreed in Ambrel: sixty soldiers each',
        summary:
          'Families of captured Arvenian soldiers gathered outside the defence ministry in Selvane for news of the prisoner exchange.',
      },
    ],
  },
  {
    day: 12,
    time: '18:00',
    reports: [
      {
        outlet: 'meridian',
        title: 'Valley towns face a cold month without heating',
        summary:
          'With the Tollen Dam substation down, the valley’s district heating relies on diesel generators and fuel is short.',
      },
    ],
  },
  // Day 13
  {
    day: 13,
    time: '07:30',
    reports: [
      {
        outlet: 'harbour',
        title: 'Humanitarian corridor to Port Amsel opens by sea',
        summary:
          'A Red Lantern ship carrying food and medicine docked in Port Amsel under an arrangement brokered by Saldera. Drosslandic warships let it through.',
      },
      {
        outlet: 'ambrel',
        after: 45,
        title: 'First aid ship reaches blockaded Port Amsel through a sea corridor',
        summary:
          'The ship will take about four hundred injured civilians and their families back to Kestenia.',
      },
    ],
  },
  {
    day: 13,
    time: '15:50',
    reports: [
      {
        outlet: 'valley',
        title: 'Evacuees from Port Amsel arrive in Kestenia',
        summary:
          'Kestenian hospitals took in the most seriously injured; the rest went to reception centres near the border.',
      },
    ],
  },
  // Day 14
  {
    day: 14,
    time: '02:55',
    reports: [
      {
        outlet: 'meridian',
        title: 'Explosion on the Northway gas pipeline',
        summary:
          'A blast damaged the Northway pipeline that carries Drosslandic gas through Arvenia to Kestenia. Both governments blamed each other.',
      },
      {
        outlet: 'compass',
        after: 80,
        title: 'Northway pipeline blast halts gas flows to Kestenia',
        summary:
          'The pipeline operator said gas had stopped flowing through the Northway pipeline and repairs could not start while fighting went on nearby.',
      },
    ],
  },
  {
    day: 14,
    time: '12:05',
    reports: [
      {
        outlet: 'courier',
        title: 'Gas prices jump after the Northway pipeline blast',
        summary:
          'Wholesale gas prices in Kestenia rose by a third; Arvenia said its stores would last the winter.',
      },
    ],
  },
  // Day 15
  {
    day: 15,
    time: '04:30',
    reports: [
      {
        outlet: 'courier',
        title: 'Drone attack on Selvane: air defence shoots down most drones',
        summary:
          'The capital’s air defence brought down fourteen of sixteen drones overnight, the defence ministry said. Debris damaged a block of flats.',
      },
      {
        outlet: 'meridian',
        after: 90,
        title: 'Selvane hit by drone attack for the first time',
        summary: 'Residents of Selvane spent the night in metro stations as drones flew over the capital.',
      },
    ],
  },
  {
    day: 15,
    time: '11:10',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Second round of Ambrel talks begins',
        summary:
          'Anika Dorsay said the delegations would discuss a local truce around Tollen Dam so engineers can repair the substation.',
      },
      {
        outlet: 'compass',
        after: 40,
        title: 'Ambrel talks resume with a truce at Tollen Dam on the table',
        summary: 'Tomas Reyl said Arvenia would accept monitors at Tollen Dam during the repairs.',
      },
    ],
  },
  // Day 16
  {
    day: 16,
    time: '09:00',
    reports: [
      {
        outlet: 'meridian',
        title: 'Northern Compact pledges air defence systems to Arvenia',
        summary: 'Allies pledged six air defence batteries, the first to arrive within a month.',
      },
      {
        outlet: 'ambrel',
        after: 55,
        title: 'Compact allies pledge air defence batteries after the Selvane drone attack',
        summary:
          'The Northern Compact said the pledge was for defence of cities and would not include missiles for use across the border.',
      },
    ],
  },
  {
    day: 16,
    time: '14:30',
    reports: [
      {
        outlet: 'valley',
        title: 'Estervale schools open their doors to displaced pupils',
        summary:
          'About three thousand children from Brisca and Harnow started lessons in Estervale’s schools in two shifts.',
      },
    ],
  },
  // Day 17
  {
    day: 17,
    time: '10:45',
    reports: [
      {
        outlet: 'valley',
        title: 'A quiet night on the Harnow front',
        summary:
          'For the first time since the fighting began, no shelling was reported in Harnow overnight, the town’s council said.',
      },
    ],
  },
  {
    day: 17,
    time: '13:15',
    reports: [
      {
        outlet: 'courier',
        title: 'Deminers clear Kaldeny station so trains can run again',
        summary:
          'Deminers removed more than two hundred mines and shells from Kaldeny station and the tracks around it.',
      },
      {
        outlet: 'compass',
        after: 75,
        title: 'First train in three weeks reaches Kaldeny after deminers clear the station',
        summary: 'The train brought food and generators; it will take residents west on its way back.',
      },
    ],
  },
  {
    day: 17,
    time: '17:30',
    reports: [
      {
        outlet: 'meridian',
        title: 'Arvenia’s budget: defence spending doubles',
        summary:
          'The finance ministry said it would sell war bonds to pay for the army and for rebuilding in the valley.',
      },
    ],
  },
  // Day 18
  {
    day: 18,
    time: '08:40',
    key: true,
    reports: [
      {
        outlet: 'ambrel',
        title: 'Local truce agreed at Tollen Dam for repairs',
        summary:
          'Both sides agreed to stop firing within five kilometres of Tollen Dam for ten days while engineers repair the substation, with Salderan monitors on site.',
      },
      {
        outlet: 'valley',
        after: 30,
        title: 'Truce around Tollen Dam lets engineers start repairs',
        summary: 'Engineers drove to Tollen Dam under a white flag as the local truce began at eight.',
      },
      {
        outlet: 'courier',
        after: 100,
        title: 'Tollen Dam truce: Salderan monitors arrive',
        summary:
          'Twenty monitors from Saldera will watch the truce at Tollen Dam; the grid operator hopes to restore power within a week.',
      },
    ],
  },
  // Day 19
  {
    day: 19,
    time: '07:50',
    reports: [
      {
        outlet: 'valley',
        title: 'Tollen Dam truce holds through its first night',
        summary: 'Monitors reported no firing near Tollen Dam; shelling went on further north around Harnow.',
      },
    ],
  },
  {
    day: 19,
    time: '12:40',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Kestenia says sixty thousand people have fled Arvenia',
        summary:
          'Kestenian officials asked international donors for help with housing as reception centres fill.',
      },
      {
        outlet: 'meridian',
        after: 60,
        title: 'Sixty thousand refugees from Arvenia now in Kestenia',
        summary: 'Most of the refugees are women, children and older people from the Tessel Valley.',
      },
    ],
  },
  // Day 20
  {
    day: 20,
    time: '10:30',
    key: true,
    reports: [
      {
        outlet: 'ambrel',
        title: 'Ambrel talks produce a draft ceasefire framework',
        summary:
          'Anika Dorsay said the delegations had agreed a draft framework: a ceasefire along the Marrow, monitors and talks on withdrawal. Both capitals must approve it.',
        author: 'Jonas Ferreby',
      },
      {
        outlet: 'compass',
        after: 40,
        title: 'Draft ceasefire framework agreed in Ambrel, awaits approval in Selvane and Korvath',
        summary:
          'Tomas Reyl called the framework a first step and said Arvenia would not give up any territory.',
      },
      {
        outlet: 'courier',
        after: 110,
        title: 'What is in the Ambrel ceasefire framework',
        summary:
          'The draft framework puts the ceasefire line on the Marrow river, with Salderan monitors and talks on withdrawal within a month.',
      },
    ],
  },
  {
    day: 20,
    time: '16:15',
    reports: [
      {
        outlet: 'meridian',
        title: 'Northern Compact extends sanctions on Drossland',
        summary:
          'The allies said sanctions would stay until Drosslandic troops leave the Tessel Valley, whatever the framework says.',
      },
    ],
  },
  // Day 21: today (times are squeezed into the part of today that has passed when the demo is loaded)
  {
    day: 21,
    time: '02:30',
    reports: [
      {
        outlet: 'valley',
        title: 'Drone attack on Kaldeny rail depot overnight',
        summary:
          'Drones struck the rail depot in Kaldeny after midnight; two railway workers were killed, the regional office said.',
        correction: {
          summary:
            'Drones struck the rail depot in Kaldeny after midnight; two railway workers were injured, the regional office said.',
          note: 'An earlier version said two railway workers were killed. They were injured.',
        },
      },
      {
        outlet: 'courier',
        after: 70,
        title: 'Kaldeny rail depot hit by drones, two workers injured',
        summary:
          'The drone attack damaged two locomotives at the Kaldeny depot; trains to Kaldeny were stopped for the morning.',
      },
    ],
  },
  {
    day: 21,
    time: '09:00',
    reports: [
      {
        outlet: 'ambrel',
        title: 'Arvenia’s cabinet meets on the Ambrel framework',
        summary: 'President Varos said the cabinet would give its answer to Saldera within two days.',
      },
      {
        outlet: 'compass',
        after: 45,
        title: 'Selvane weighs the Ambrel ceasefire framework',
        summary:
          'Arvenian ministers met to discuss the ceasefire framework as Korvath said it needed more time.',
      },
    ],
  },
  {
    day: 21,
    time: '13:20',
    reports: [
      {
        outlet: 'harbour',
        title: 'Power back in Harnow after Tollen Dam repairs',
        summary:
          'Engineers switched the Tollen Dam substation back on and electricity returned to Harnow’s hospital and pumps.',
      },
    ],
  },
];
