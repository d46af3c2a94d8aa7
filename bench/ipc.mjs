/**
 * The child side of bench/lib.mjs `rpc()`: answers each `{ id, cmd, ...payload }` message with
 * `{ id, result }` or `{ id, error }`, and exits when the parent goes away.
 */
export function serveCommands(commands) {
  process.on('message', (message) => {
    const command = commands[message?.cmd];
    if (!command) return;
    command(message).then(
      (result) => process.send({ id: message.id, result }),
      (error) => process.send({ id: message.id, error: String(error?.stack ?? error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
