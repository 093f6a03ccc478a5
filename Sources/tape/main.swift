import Foundation
import TapeCommandLine

// Long-running commands take over Ctrl-C and SIGTERM before they print anything or start a
// thread, so a signal sent as soon as the banner appears asks for an orderly stop.
if ["simulate", "fuzz", "serve", "proxy"].contains(CommandLine.arguments.dropFirst().first) {
  Interruption.install()
}
let outcome = await TapeCommand.main(
  Array(CommandLine.arguments.dropFirst()),
  print: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
  until: Interruption.wait)
FileHandle.standardOutput.write(Data(outcome.output.utf8))
FileHandle.standardError.write(Data(outcome.errorOutput.utf8))
exit(outcome.status)
