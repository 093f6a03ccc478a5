/// The values the mutator draws from: the extremes, nulls, unknown enum values and other
/// hostile shapes of each documented field kind.
public enum MutationCatalogue {
  /// Extreme `Long` timestamps and integer boundaries, as JSON number lexemes.
  public static let extremeNumbers: [String] = [
    "9223372036854775807",  // Int64.max
    "9223372036854775808",  // Int64.max + 1
    "9223372036854776000",  // the documented Insight create_date
    "18446744073709551616",  // UInt64.max + 1
    "-9223372036854775808",  // Int64.min
    "-9223372036854775809",  // Int64.min - 1
    "9007199254740992",  // 2^53
    "9007199254740993",  // 2^53 + 1
    "-9007199254740993",  // -(2^53 + 1)
    "2147483647",  // Int32.max
    "2147483648",  // Int32.max + 1
    "-2147483649",  // Int32.min - 1
    "4294967296",  // UInt32.max + 1
    "1e309",  // beyond Double
    "-1e309",
    "1e-400",  // below Double's smallest
    "-0",
    "-0.0",
    "1e2",
    "1E+2",
    "1.5",
    "0.1",
    "1e38",
    "1e39",
    "1.7976931348623157e308",
    "123456789012345678901234567890123456789012",
    "0",
    "-1",
  ]

  /// Strings that look like numbers, percentages or their failures.
  public static let numericStrings: [String] = [
    "50%", "50", "100%", "0%", "101%", "-1%", "50.5%", " 75 % ", "1,000", "1e3", "NaN",
    "Infinity", "-Infinity", "0x10", "%", "", " ", "9223372036854775808", "1.", ".5", "--1",
    "+1", "٥٠", "５０%",
  ]

  /// Naughty Unicode, by name (the name is the mutation's argument).
  public static let naughtyStrings: [(name: String, text: String)] = [
    ("nul", "\u{0}"),
    ("nul-inside", "a\u{0}b"),
    ("rtl-override", "\u{202E}gnp.exe"),
    ("zwj-family", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"),
    ("bom", "\u{FEFF}"),
    ("bom-prefix", "\u{FEFF}SUCCESS"),
    ("combining", "e\u{301}\u{301}\u{301}\u{301}"),
    ("replacement", "\u{FFFD}"),
    ("noncharacter", "\u{FFFF}\u{FFFE}"),
    ("astral", "\u{10FFFF}"),
    ("controls", "\u{1}\u{1F}\u{7F}\u{85}"),
    ("line-separators", "\u{2028}\u{2029}"),
    ("quote-backslash", "\"\\/"),
    ("zero-width", "\u{200B}\u{200C}\u{200D}"),
    ("cjk", "导入成功"),
  ]

  /// Replacement values of every JSON type, for wrong-type mutations, as (argument, value
  /// maker) pairs.
  public static let wrongTypeLexemes: [String] = [
    "true", "false", "0", "1", "-1", "\"1\"", "\"\"", "\"true\"", "[]", "{}", "[0]",
    "{\"value\":1}", "null",
  ]

  /// Names of unknown members added to objects.
  public static let unknownKeys: [String] = [
    "unknown_field", "_links", "status ", "STATUS", "extra", "", "\u{0}", "json", "details",
  ]

  /// Total nesting depths tried around the 512 limit of JSONSerialization and the parser.
  public static let nestingDepths: [Int] = [511, 512, 513]

  /// Lengths of huge strings, in UTF-8 bytes (21,845 three-byte characters make 64 KiB).
  public static let hugeStringLengths: [Int] = [1_024, 65_536]

  /// Byte sequences that are not UTF-8.
  public static let invalidUTF8Sequences: [[UInt8]] = [
    [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82],
    [0xF8, 0x88, 0x80, 0x80, 0x80],
  ]
}
