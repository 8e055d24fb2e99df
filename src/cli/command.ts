/** A `fazhi` sub-command: `run` gets the arguments after its name and returns the exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  run(args: string[]): Promise<number>;
}
