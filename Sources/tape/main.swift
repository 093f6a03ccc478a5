import Foundation
import TapeCommandLine

let outcome = await TapeCommand.main(
  Array(CommandLine.arguments.dropFirst()),
  print: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
  until: Interruption.wait)
FileHandle.standardOutput.write(Data(outcome.output.utf8))
FileHandle.standardError.write(Data(outcome.errorOutput.utf8))
exit(outcome.status)
