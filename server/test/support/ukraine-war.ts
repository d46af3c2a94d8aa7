import { fileURLToPath } from 'node:url';
import { readConfigFile, type EventConfig } from '../../src/config.js';

/** examples/ukraine-war.yaml: the event whose topics and rules the evaluation measures (docs/quality.md). */
export const ukraineWarFile = fileURLToPath(new URL('../../../examples/ukraine-war.yaml', import.meta.url));

/** The one definition of the Russia–Ukraine event's topics and rules, read as the server reads it. */
export const ukraineWar: EventConfig = readConfigFile(ukraineWarFile).events[0]!;
