/**
 * English function words, plus the reporting verbs and time words every live update uses ("said",
 * "today", "officials"): they occur in almost every item, so they say nothing about which story an
 * update tells and would only inflate the similarity of unrelated items.
 */
export const stopWords: ReadonlySet<string> = new Set(
  `a about above after again against ago all also am among an and another any are around as at be
  because been before being below between both but by can could did do does doing down during each
  either else even ever every few for from further had has have having he her here hers herself him
  himself his how however i if in into is it its itself just last least less let like many may me
  might more most much must my myself near neither new next no nor not now of off on once one only
  or other others our ours ourselves out over own per same several she should since so some still
  such than that the their theirs them themselves then there these they this those though through
  thus to too toward towards under until up upon us very via was we were what when where whether
  which while who whom whose why will with within without would yet you your yours yourself
  yourselves dont doesnt didnt isnt wasnt werent arent wont cant couldnt shouldnt wouldnt hasnt
  havent hadnt
  according added adds announced asked confirmed reportedly reported reports say saying says said
  stated statement tells told update updated
  today tonight yesterday tomorrow morning afternoon evening overnight earlier later week weekend
  day days hour hours minute minutes time
  monday tuesday wednesday thursday friday saturday sunday
  mr mrs ms officials official spokesman spokeswoman spokesperson`
    .split(/\s+/)
    .filter(Boolean),
);
