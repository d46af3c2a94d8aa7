import { ConfigError } from '../config.js';

/**
 * Runs a command-line tool and exits with its code. An error the user can act on (bad
 * configuration, or what `isKnown` accepts) prints its message; anything else its stack.
 */
export function runCli(
  main: () => Promise<number>,
  isKnown: (error: unknown) => boolean = () => false,
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof ConfigError || isKnown(error);
      process.stderr.write(`${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
      process.exit(1);
    },
  );
}
