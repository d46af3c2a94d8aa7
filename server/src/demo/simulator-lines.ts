/** Lines the live demo simulator posts about the fictional Tessel Valley conflict, written for this project. */
export interface SimulatorLine {
  title: string;
  summary: string;
}

export const simulatorLines: readonly SimulatorLine[] = [
  {
    title: 'Shelling reported on the northern edge of Harnow',
    summary: 'The town council said several houses were damaged and residents went down to their cellars.',
  },
  {
    title: 'Air raid alert sounds over Selvane',
    summary:
      'Residents were asked to go to shelters until the all-clear; air defence was active over the capital.',
  },
  {
    title: 'Drone shot down over the hills near Kaldeny',
    summary: 'Debris fell in a field outside the town, the regional office said. No one was hurt.',
  },
  {
    title: 'Arvenian troops hold positions on the west bank of the Marrow',
    summary: 'The general staff said two attempts to cross near Vell Bridge were beaten back overnight.',
  },
  {
    title: 'Artillery fire heard again along the Marrow river',
    summary: 'Soldiers near the front said the exchanges were the heaviest in several days.',
  },
  {
    title: 'Drosslandic warship seen closer to Port Amsel’s harbour mouth',
    summary: 'Harbour pilots said the ship anchored within sight of the quays for about an hour.',
  },
  {
    title: 'Envoy Anika Dorsay lands in Korvath for new talks',
    summary:
      'Saldera’s mediator will meet Drosslandic officials about the ceasefire framework agreed in Ambrel.',
  },
  {
    title: 'Arvenia’s foreign minister speaks to his Salderan counterpart',
    summary: 'Tomas Reyl said the call covered the monitors at Tollen Dam and the next round of talks.',
  },
  {
    title: 'Delegations could return to Ambrel this week, Saldera says',
    summary:
      'A spokesman for Saldera’s foreign ministry said both sides had asked for more time on the framework.',
  },
  {
    title: 'Prisoner exchange: second group of soldiers to be released',
    summary: 'Forty soldiers from each side are to be exchanged in Ambrel, negotiators said.',
  },
  {
    title: 'Aid convoy sets off for Harnow with food and medicine',
    summary:
      'The Red Lantern Society said its trucks would reach the town by evening if the road stays open.',
  },
  {
    title: 'More families arrive in Estervale from the valley',
    summary:
      'Reception centres in Estervale registered about three hundred displaced people since the morning.',
  },
  {
    title: 'Hospital in Harnow asks for blood donors',
    summary: 'Doctors said they had treated a dozen injured civilians since midnight.',
  },
  {
    title: 'Drinking water trucks reach three districts of Port Amsel',
    summary: 'The city asked residents to bring their own containers and to keep a day’s water at home.',
  },
  {
    title: 'Deminers clear a road between Kaldeny and Brisca',
    summary: 'The road had been closed since the fighting began; the first cars were let through at noon.',
  },
  {
    title: 'Schools in Estervale add a third shift for displaced pupils',
    summary: 'The city said classrooms were full and lessons would run into the evening.',
  },
  {
    title: 'Arvenian mark steadies after central bank steps in',
    summary: 'The currency rose slightly against the Salderan crown after the bank sold reserves.',
  },
  {
    title: 'Food prices in Selvane up again this week',
    summary: 'Bread and cooking oil cost a fifth more than before the conflict, the statistics office said.',
  },
  {
    title: 'Grain exporters count their losses at Port Amsel',
    summary: 'Traders said the blockade had cost the valley’s farms most of this year’s harvest exports.',
  },
  {
    title: 'Businesses in Kaldeny reopen as trains return',
    summary: 'Bakeries and pharmacies near the station opened their doors for the first time in weeks.',
  },
  {
    title: 'Insurers keep shipping cover suspended for Port Amsel',
    summary: 'Ship owners said no merchant ship would sail to the port without insurance.',
  },
  {
    title: 'Power cut in parts of Estervale after a substation fault',
    summary:
      'The grid operator said electricity would return within hours; engineers blamed an old transformer.',
  },
  {
    title: 'Engineers at Tollen Dam bring a second turbine back',
    summary: 'The hydro plant now supplies about half of the valley’s power, the grid operator said.',
  },
  {
    title: 'Fuel deliveries resume to petrol stations in the valley',
    summary: 'Drivers may buy thirty litres a day, up from twenty, the energy ministry said.',
  },
  {
    title: 'Heating plants in Harnow switch from diesel generators to the grid',
    summary: 'The town council said homes should be warm again by the weekend.',
  },
  {
    title: 'Northway pipeline repairs delayed by fighting nearby',
    summary: 'Gas will not flow to Kestenia before next month, the pipeline operator said.',
  },
  {
    title: 'Concord Council to hear a report on the Tessel Valley',
    summary:
      'The Concord of Nations’ envoy will brief members on the truce at Tollen Dam and the sea corridor.',
  },
  {
    title: 'Northern Compact ministers discuss more sanctions on Drossland',
    summary: 'Allies are weighing a ban on Drosslandic shipping in their ports.',
  },
  {
    title: 'Kestenia opens a new reception centre near the border',
    summary: 'Kestenian officials said the centre would house a thousand refugees from Arvenia.',
  },
  {
    title: 'Salderan monitors report a quiet night at Tollen Dam',
    summary: 'The monitors said the truce around the dam held and repairs continued.',
  },
  {
    title: 'International donors pledge money to rebuild Brisca',
    summary: 'The pledges will pay for new windows and roofs before the cold weather.',
  },
  {
    title: 'Hackers target Arvenian news websites',
    summary:
      'Several outlets’ websites were slow for an hour after a flood of junk traffic, a cyber security agency said.',
  },
  {
    title: 'Phishing emails pose as Red Lantern aid offers',
    summary: 'Arvenia’s cyber agency warned that the messages try to steal bank details.',
  },
  {
    title: 'Ransomware hits a Drosslandic logistics company',
    summary: 'The company said its systems were hacked and deliveries to the army were delayed.',
  },
];
