import DecoderFuzz
import JSONTree
import Testing

@Suite("Mutator")
struct MutatorTests {
  let seed: JSONValue = .object([
    JSONMember("status", .number("1")), JSONMember("name", .string("task")),
    JSONMember("create_date", .number("9223372036854776000")),
    JSONMember("items", .array([.object([JSONMember("id", .number("0"))])])),
  ])
  let mutator = Mutator()

  func seedCase() -> FuzzCase { FuzzCase(document: seed, schema: .insight) }

  @Test("the same seed gives the same inputs and the same records")
  func reproducible() {
    func inputs(seed: UInt64) -> [[UInt8]] {
      var random = FuzzRandom(seed: seed)
      return (0..<200).map { _ in
        mutator.mutate(self.seedCase(), using: &random).bytes()
      }
    }
    #expect(inputs(seed: 9) == inputs(seed: 9))
    #expect(inputs(seed: 9) != inputs(seed: 10))
  }

  @Test("every operator applies to a seed and records itself", arguments: MutationOperator.allCases)
  func everyOperator(mutationOperator: MutationOperator) throws {
    var random = FuzzRandom(seed: 1)
    var fuzzCase = seedCase()
    let applied = mutator.apply(mutationOperator, to: &fuzzCase, using: &random)
    #expect(applied)
    let record = try #require(fuzzCase.mutations.first)
    #expect(record.operator == mutationOperator)
    #expect(fuzzCase.mutations.count == 1)
    #expect(fuzzCase.bytes() != JSONWriter.bytes(of: seed))
  }

  @Test("deep nesting lands on 511, 512 or 513 levels")
  func deepNesting() throws {
    var depths: Set<Int> = []
    for seed in 0..<40 {
      var random = FuzzRandom(seed: UInt64(seed))
      var fuzzCase = seedCase()
      guard mutator.apply(.deepNesting, to: &fuzzCase, using: &random) else { continue }
      depths.insert(try JSONParser(maximumDepth: 1024).parse(fuzzCase.bytes()).nestingDepth)
    }
    #expect(depths == [511, 512, 513])
  }

  @Test("schema-guided: extreme numbers go to number fields, enumerations get documented values")
  func schemaGuided() {
    var random = FuzzRandom(seed: 5)
    var documentedStatus = 0
    for _ in 0..<60 {
      var fuzzCase = seedCase()
      mutator.apply(.documentedEnumValue, to: &fuzzCase, using: &random)
      if fuzzCase.mutations.first?.pointer == "/status" {
        documentedStatus += 1
        let value = (try? JSONParser().parse(fuzzCase.bytes()))?["status"]?.numberLexeme ?? ""
        #expect(["-1", "0", "1", "2", "3", "4"].contains(value))
      }
    }
    #expect(documentedStatus > 20)
  }

  @Test("the schema documents the seeds and refuses wrong types")
  func schema() throws {
    #expect(FuzzSchema.cpts.documents(try json(#"{"json":{"details":[null,{"id":2147483648}]}}"#)))
    #expect(
      FuzzSchema.cpts.documents(try json(#"{"json":{"details":[{"id":9223372036854775807}]}}"#)))
    #expect(
      !FuzzSchema.cpts.documents(try json(#"{"json":{"details":[{"id":9223372036854775808}]}}"#)))
    #expect(FuzzSchema.insight.documents(try json(#"{"create_date":9223372036854776000}"#)))
    #expect(!FuzzSchema.insight.documents(try json(#"{"create_date":1e309}"#)))
    #expect(!FuzzSchema.insight.documents(try json(#"{"status":1,"status":2}"#)))
    #expect(FuzzSchema.check.documents(try json(#"{"task_status":7,"progress":{"ratio":null}}"#)))
    #expect(!FuzzSchema.check.documents(try json(#"{"task_status":"0"}"#)))
    #expect(!FuzzSchema.drs.documents(try json("[]")))
  }
}
