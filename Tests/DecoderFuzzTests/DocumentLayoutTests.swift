import Foundation
import JSONTree
import Testing

@testable import DecoderFuzz

@Suite("DocumentLayout")
struct DocumentLayoutTests {
  /// Every documented seed of every target, with its schema.
  static let seeds: [(JSONValue, FuzzSchema)] = FuzzTargetRegistry.standard.flatMap { target in
    SeedCorpus.seedFiles(of: target, in: corpusDirectory).compactMap { url in
      (try? JSONParser().parse(Data(contentsOf: url))).map { ($0, target.schema) }
    }
  }

  @Test("its bytes are the compact writer's, and each site's bytes are the value at its pointer")
  func sites() throws {
    #expect(Self.seeds.count >= 9)
    for (document, schema) in Self.seeds {
      let layout = DocumentLayout(document, schema: schema)
      #expect(layout.bytes == JSONWriter.bytes(of: document))
      #expect(layout.sites.count == document.pointers().count)
      for index in layout.sites.indices {
        let pointer = try #require(JSONPointer(layout.pointerText(index)))
        let value = try #require(document.value(at: pointer))
        #expect(try JSONParser().parse(Array(layout.bytes(of: index))) == value)
        #expect(layout.sites[index].depth == pointer.tokens.count)
        #expect(layout.sites[index].nestingDepth == value.nestingDepth)
        #expect(
          layout.sites[index].kind == (pointer.tokens.isEmpty ? nil : schema.kind(at: pointer)))
      }
    }
  }

  @Test("a member starts at its key's quote; removing it with a comma leaves the rest valid")
  func removal() throws {
    for (document, schema) in Self.seeds {
      let layout = DocumentLayout(document, schema: schema)
      for (container, site) in layout.sites.enumerated() where !site.children.isEmpty {
        for position in site.children.indices {
          let child = layout.sites[site.children[position]]
          if site.type == .object {
            #expect(layout.bytes[child.memberStart] == UInt8(ascii: "\""))
            #expect(layout.bytes[child.range.lowerBound - 1] == UInt8(ascii: ":"))
          }
          let removal = Splice(
            range: layout.removalRange(ofChild: position, in: container), replacement: [],
            container: container, keepsJSONValid: true)
          var expected = document
          let pointer = try #require(JSONPointer(layout.pointerText(container)))
          expected.update(at: pointer) { value in
            switch value {
            case .object(var members):
              members.remove(at: position)
              value = .object(members)
            case .array(var elements):
              elements.remove(at: position)
              value = .array(elements)
            default: break
            }
          }
          #expect(try JSONParser().parse(Splice.apply([removal], to: layout.bytes)) == expected)
        }
      }
    }
  }

  @Test("pointer texts escape ~ and /, also beyond the depth made in advance")
  func pointerTexts() {
    var deep: JSONValue = .object([JSONMember("a/b~c", .number("1"))])
    for _ in 0..<20 { deep = .array([deep]) }
    let layout = DocumentLayout(deep, schema: .insight)
    let last = layout.sites.count - 1
    #expect(layout.sites[last].depth == 21)
    #expect(layout.sites[last].pointerText == nil)
    #expect(layout.pointerText(last) == String(repeating: "/0", count: 20) + "/a~1b~0c")
    #expect(layout.pointerText(1) == "/0")
  }

  @Test("a long document lists its first 512 values and writes all of them")
  func siteLimit() {
    let document: JSONValue = .object([
      JSONMember("items", .array((0..<1000).map { .number(String($0)) })),
      JSONMember("tail", .object([JSONMember("x", .null)])),
    ])
    let layout = DocumentLayout(document, schema: .insight)
    #expect(layout.sites.count == DocumentLayout.siteLimit)
    #expect(layout.bytes == JSONWriter.bytes(of: document))
    #expect(!layout.objects.contains { layout.sites[$0].token == "tail" })
    #expect(layout.nonEmptyObjects.isEmpty)  // the root's members are not all listed
  }
}
