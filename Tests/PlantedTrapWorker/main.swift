import DecoderFuzz
import Foundation
import FuzzPlantedTrap

// The fuzz worker of the tests: the standard targets plus the planted trap.
exit(
  FuzzWorker.serve(
    arguments: Array(CommandLine.arguments.dropFirst()), targets: PlantedTrap.targets))
