import CloudSimulator

/// Runs `body` with a simulator on 127.0.0.1 (an ephemeral port), and stops it afterwards,
/// whether `body` returns or throws.
public func withSimulator<Result>(
  _ scenario: SimulatorScenario, clock: SimulatorClock = .system,
  _ body: (CloudSimulator) async throws -> Result
) async throws -> Result {
  let simulator = try CloudSimulator.start(scenario: scenario, clock: clock)
  do {
    let result = try await body(simulator)
    await simulator.stop()
    return result
  } catch {
    await simulator.stop()
    throw error
  }
}
