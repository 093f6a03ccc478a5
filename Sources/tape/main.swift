import Foundation
import TapeCommandLine

// Output piped into a reader that has gone (`tape proxy ... | head`) fails the write
// instead of killing the process before it writes its cassette.
signal(SIGPIPE, SIG_IGN)
// Long-running and recording commands take over Ctrl-C, SIGTERM and SIGHUP before they print
// anything or start a thread, so a signal sent as soon as the banner appears asks for an
// orderly stop (and a recording writes what it has).
if ["simulate", "fuzz", "serve", "proxy", "record", "poll", "poll-fuzz"].contains(
  CommandLine.arguments.dropFirst().first)
{
  Interruption.install()
}
let outcome = await TapeCommand.main(
  Array(CommandLine.arguments.dropFirst()), print: { text in StandardStream.output(text) },
  until: Interruption.wait)
StandardStream.output(outcome.output)
StandardStream.error(outcome.errorOutput)
exit(outcome.status)
