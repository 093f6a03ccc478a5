/// Pointer patterns (`/json/details/*/status`, `*` standing for any array index) compiled
/// into a deterministic automaton over path tokens: walking a document, what the patterns
/// say of a member is one step from its container's state, instead of the member's whole
/// path matched against every pattern (which built a path array per member: a seventh of a
/// response target's time for the progress fields, a tenth of an error target's for the
/// schema).
///
/// A state is the set of pattern-trie nodes the path so far reaches. A token matches a
/// pattern token when they are equal, or when the pattern's is `*` and the token reads as
/// an `Int` (a member name `*` matches a `*` too, as its own text).
struct PointerPatternMatcher: Sendable {
  /// One state of the automaton.
  struct State: Sendable {
    /// The patterns that end at this state, by index, in increasing order.
    var terminals: [Int]
    /// Whether some pattern goes on below this state.
    var hasChildren: Bool
    /// The next state for each token some pattern names here (`*` included).
    var literals: [(token: String, state: Int)]
    /// The next state for an array index that some pattern names literally (`0`).
    var indexLiterals: [(index: Int, state: Int)]
    /// The next state for any other token that reads as an `Int`; nil when no pattern has
    /// `*` here.
    var integer: Int?
  }

  /// The states; the first is the root's.
  private(set) var states: [State] = []
  /// The state past every pattern.
  static let dead = -1
  /// The root's state.
  static let root = 0

  /// The automaton of `patterns`, each a pointer's tokens.
  init(_ patterns: [[String]]) {
    // The trie of the patterns.
    var literalChildren: [[String: Int]] = [[:]]
    var starChild: [Int?] = [nil]
    var endingHere: [[Int]] = [[]]
    for (number, tokens) in patterns.enumerated() {
      var node = 0
      for token in tokens {
        let next: Int? = token == "*" ? starChild[node] : literalChildren[node][token]
        if let next {
          node = next
          continue
        }
        literalChildren.append([:])
        starChild.append(nil)
        endingHere.append([])
        let created = endingHere.count - 1
        if token == "*" {
          starChild[node] = created
        } else {
          literalChildren[node][token] = created
        }
        node = created
      }
      endingHere[node].append(number)
    }
    // The subsets of trie nodes reachable from the root, each a state.
    var indexOfSet: [[Int]: Int] = [[0]: 0]
    var pending: [[Int]] = [[0]]
    var built: [Int: State] = [:]
    func state(of nodes: Set<Int>) -> Int {
      guard !nodes.isEmpty else { return Self.dead }
      let key = nodes.sorted()
      if let index = indexOfSet[key] { return index }
      let index = indexOfSet.count
      indexOfSet[key] = index
      pending.append(key)
      return index
    }
    while let nodes = pending.popLast() {
      let index = indexOfSet[nodes]!
      let stars = Set(nodes.compactMap { starChild[$0] })
      var literals: [(token: String, state: Int)] = []
      var indexLiterals: [(index: Int, state: Int)] = []
      let tokens = Set(nodes.flatMap { literalChildren[$0].keys })
      for token in tokens.sorted() {
        var next = Set(nodes.compactMap { literalChildren[$0][token] })
        if Int(token) != nil { next.formUnion(stars) }
        let target = state(of: next)
        literals.append((token, target))
        if let number = Int(token), String(number) == token {
          indexLiterals.append((number, target))
        }
      }
      if !stars.isEmpty { literals.append(("*", state(of: stars))) }
      built[index] = State(
        terminals: nodes.flatMap { endingHere[$0] }.sorted(),
        hasChildren: nodes.contains { !literalChildren[$0].isEmpty || starChild[$0] != nil },
        literals: literals, indexLiterals: indexLiterals,
        integer: stars.isEmpty ? nil : state(of: stars))
    }
    states = (0..<built.count).map { built[$0]! }
  }

  /// The state after the member named `key` of an object in `state`.
  func step(_ state: Int, key: String) -> Int {
    guard state != Self.dead else { return Self.dead }
    let current = states[state]
    for literal in current.literals where literal.token == key { return literal.state }
    guard let integer = current.integer, Int(key) != nil else { return Self.dead }
    return integer
  }

  /// The state after the element at `index` of an array in `state`.
  func step(_ state: Int, index: Int) -> Int {
    guard state != Self.dead else { return Self.dead }
    let current = states[state]
    for literal in current.indexLiterals where literal.index == index { return literal.state }
    return current.integer ?? Self.dead
  }

  /// The state after `tokens`, each read as a member name.
  func state(after tokens: [String]) -> Int {
    tokens.reduce(Self.root) { step($0, key: $1) }
  }

  /// The first pattern (by index) that ends at `state`, if any.
  func firstTerminal(_ state: Int) -> Int? {
    state == Self.dead ? nil : states[state].terminals.first
  }
}
