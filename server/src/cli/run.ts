import { ConfigError } from '../config.js';
import { AppError } from '../errors.js';

/**
 * Runs a command-line tool and exits with its code. An error the user can act on (bad
 * configuration, an unknown event, or what `isKnown` accepts) prints its message; anything else
 * its stack.
 */
export function runCli(
  main: () => Promise<number>,
  isKnown: (error: unknown) => boolean = () => false,
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // An unknown event, bad input: said in one line, as the API would say it.
      const known = error instanceof ConfigError || error instanceof AppError || isKnown(error);
      process.stderr.write(`${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
      process.exit(1);
    },
  );
}
