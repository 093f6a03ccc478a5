import Foundation

/// Compressed inputs made once with Python 3.11's zlib (1.2.13) and gzip modules, so that the
/// tests need no program of their own: `<input>Raw<level>` is
/// `zlib.compressobj(level, zlib.DEFLATED, -15)`, `<input>Zlib<level>` `zlib.compress(data,
/// level)`, `<input>Gzip<level>` `gzip.compress(data, level, mtime=0)`, of the inputs
/// ``InflateInputs`` makes again. Level 0 gives stored blocks; `short` at levels 1 to 9
/// fixed-code blocks, `medium` and `big` dynamic ones, `random` a stored one (incompressible).
/// `flaggedGzip` is `short` behind a header with FEXTRA, FNAME, FCOMMENT and FHCRC (its
/// CRC-16 from `zlib.crc32`); `twoMembersGzip` is `short` at level 6, then `medium` at level 1,
/// then four zero bytes of padding.
enum InflateFixtures {
  static let shortRaw0 = fixture(
    """
    AVUAqv97InRhc2tfaWQiOiIyYjMxZWQ1MiIsInN0YXR1cyI6IlJVTk5JTkciLCJwcm9ncmVzcyI6eyJyYXRpbyI6IjQy
    JSIsImluZm8iOiJydW5uaW5nIn19
    """)

  static let shortZlib0 = fixture(
    """
    eAEBVQCq/3sidGFza19pZCI6IjJiMzFlZDUyIiwic3RhdHVzIjoiUlVOTklORyIsInByb2dyZXNzIjp7InJhdGlvIjoi
    NDIlIiwiaW5mbyI6InJ1bm5pbmcifX1lxhqT
    """)

  static let shortGzip0 = fixture(
    """
    H4sIAAAAAAAEAwFVAKr/eyJ0YXNrX2lkIjoiMmIzMWVkNTIiLCJzdGF0dXMiOiJSVU5OSU5HIiwicHJvZ3Jlc3MiOnsi
    cmF0aW8iOiI0MiUiLCJpbmZvIjoicnVubmluZyJ9ffxmj7xVAAAA
    """)

  static let shortRaw1 = fixture(
    """
    q1YqSSzOjs9MUbJSMkoyNkxNMTVS0lEqLkksKS0GigWF+vl5+rkDhQqK8tOLUouBgtVKRYklmflAWRMjVaBMZl4aiFNU
    mpeXmZeuVFsLAA==
    """)

  static let shortZlib1 = fixture(
    """
    eAGrVipJLM6Oz0xRslIySjI2TE0xNVLSUSouSSwpLQaKBYX6+Xn6uQOFCory04tSi4GC1UpFiSWZ+UBZEyNVoExmXhqI
    U1Sal5eZl65UWwsAZcYakw==
    """)

  static let shortGzip1 = fixture(
    """
    H4sIAAAAAAAEA6tWKkkszo7PTFGyUjJKMjZMTTE1UtJRKi5JLCktBooFhfr5efq5A4UKivLTi1KLgYLVSkWJJZn5QFkT
    I1WgTGZeGohTVJqXl5mXrlRbCwD8Zo+8VQAAAA==
    """)

  static let shortRaw6 = fixture(
    """
    q1YqSSzOjs9MUbJSMkoyNkxNMTVS0lEqLkksKS0GigWF+vl5+rkDhQqK8tOLUouBgtVKRYklmflAWRMjVaBMZl4aiFNU
    mpeXmZeuVFsLAA==
    """)

  static let shortZlib6 = fixture(
    """
    eJyrVipJLM6Oz0xRslIySjI2TE0xNVLSUSouSSwpLQaKBYX6+Xn6uQOFCory04tSi4GC1UpFiSWZ+UBZEyNVoExmXhqI
    U1Sal5eZl65UWwsAZcYakw==
    """)

  static let shortGzip6 = fixture(
    """
    H4sIAAAAAAAAA6tWKkkszo7PTFGyUjJKMjZMTTE1UtJRKi5JLCktBooFhfr5efq5A4UKivLTi1KLgYLVSkWJJZn5QFkT
    I1WgTGZeGohTVJqXl5mXrlRbCwD8Zo+8VQAAAA==
    """)

  static let shortRaw9 = fixture(
    """
    q1YqSSzOjs9MUbJSMkoyNkxNMTVS0lEqLkksKS0GigWF+vl5+rkDhQqK8tOLUouBgtVKRYklmflAWRMjVaBMZl4aiFNU
    mpeXmZeuVFsLAA==
    """)

  static let shortZlib9 = fixture(
    """
    eNqrVipJLM6Oz0xRslIySjI2TE0xNVLSUSouSSwpLQaKBYX6+Xn6uQOFCory04tSi4GC1UpFiSWZ+UBZEyNVoExmXhqI
    U1Sal5eZl65UWwsAZcYakw==
    """)

  static let shortGzip9 = fixture(
    """
    H4sIAAAAAAACA6tWKkkszo7PTFGyUjJKMjZMTTE1UtJRKi5JLCktBooFhfr5efq5A4UKivLTi1KLgYLVSkWJJZn5QFkT
    I1WgTGZeGohTVJqXl5mXrlRbCwD8Zo+8VQAAAA==
    """)

  static let mediumRaw0 = fixture(
    """
    Af8TAOxbeyJpZCI6MCwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiMCUifSx7ImlkIjoxLCJzdGF0dXMiOiJTVUND
    RVNTIiwicmF0aW8iOiI3JSJ9LHsiaWQiOjIsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiMTQlIn0seyJpZCI6Mywi
    c3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiMjElIn0seyJpZCI6NCwic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoi
    MjglIn0seyJpZCI6NSwic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiIzNSUifSx7ImlkIjo2LCJzdGF0dXMiOiJSVU5O
    SU5HIiwicmF0aW8iOiI0MiUifSx7ImlkIjo3LCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiI0OSUifSx7ImlkIjo4
    LCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6IjU2JSJ9LHsiaWQiOjksInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6
    IjYzJSJ9LHsiaWQiOjEwLCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiI3MCUifSx7ImlkIjoxMSwic3RhdHVzIjoi
    RkFJTEVEIiwicmF0aW8iOiI3NyUifSx7ImlkIjoxMiwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiODQlIn0seyJp
    ZCI6MTMsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjkxJSJ9LHsiaWQiOjE0LCJzdGF0dXMiOiJGQUlMRUQiLCJy
    YXRpbyI6Ijk4JSJ9LHsiaWQiOjE1LCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiI0JSJ9LHsiaWQiOjE2LCJzdGF0
    dXMiOiJTVUNDRVNTIiwicmF0aW8iOiIxMSUifSx7ImlkIjoxNywic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiIxOCUi
    fSx7ImlkIjoxOCwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiMjUlIn0seyJpZCI6MTksInN0YXR1cyI6IlNVQ0NF
    U1MiLCJyYXRpbyI6IjMyJSJ9LHsiaWQiOjIwLCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6IjM5JSJ9LHsiaWQiOjIx
    LCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiI0NiUifSx7ImlkIjoyMiwic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlv
    IjoiNTMlIn0seyJpZCI6MjMsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiNjAlIn0seyJpZCI6MjQsInN0YXR1cyI6
    IlJVTk5JTkciLCJyYXRpbyI6IjY3JSJ9LHsiaWQiOjI1LCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiI3NCUifSx7
    ImlkIjoyNiwic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiI4MSUifSx7ImlkIjoyNywic3RhdHVzIjoiUlVOTklORyIs
    InJhdGlvIjoiODglIn0seyJpZCI6MjgsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6Ijk1JSJ9LHsiaWQiOjI5LCJz
    dGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6IjElIn0seyJpZCI6MzAsInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6Ijgl
    In0seyJpZCI6MzEsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjE1JSJ9LHsiaWQiOjMyLCJzdGF0dXMiOiJGQUlM
    RUQiLCJyYXRpbyI6IjIyJSJ9LHsiaWQiOjMzLCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiIyOSUifSx7ImlkIjoz
    NCwic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoiMzYlIn0seyJpZCI6MzUsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlv
    IjoiNDMlIn0seyJpZCI6MzYsInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6IjUwJSJ9LHsiaWQiOjM3LCJzdGF0dXMi
    OiJTVUNDRVNTIiwicmF0aW8iOiI1NyUifSx7ImlkIjozOCwic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiI2NCUifSx7
    ImlkIjozOSwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiNzElIn0seyJpZCI6NDAsInN0YXR1cyI6IlNVQ0NFU1Mi
    LCJyYXRpbyI6Ijc4JSJ9LHsiaWQiOjQxLCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6Ijg1JSJ9LHsiaWQiOjQyLCJz
    dGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiI5MiUifSx7ImlkIjo0Mywic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoi
    OTklIn0seyJpZCI6NDQsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiNSUifSx7ImlkIjo0NSwic3RhdHVzIjoiUlVO
    TklORyIsInJhdGlvIjoiMTIlIn0seyJpZCI6NDYsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjE5JSJ9LHsiaWQi
    OjQ3LCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6IjI2JSJ9LHsiaWQiOjQ4LCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0
    aW8iOiIzMyUifSx7ImlkIjo0OSwic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoiNDAlIn0seyJpZCI6NTAsInN0YXR1
    cyI6IkZBSUxFRCIsInJhdGlvIjoiNDclIn0seyJpZCI6NTEsInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6IjU0JSJ9
    LHsiaWQiOjUyLCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiI2MSUifSx7ImlkIjo1Mywic3RhdHVzIjoiRkFJTEVE
    IiwicmF0aW8iOiI2OCUifSx7ImlkIjo1NCwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiNzUlIn0seyJpZCI6NTUs
    InN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjgyJSJ9LHsiaWQiOjU2LCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6
    Ijg5JSJ9LHsiaWQiOjU3LCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiI5NiUifSx7ImlkIjo1OCwic3RhdHVzIjoi
    U1VDQ0VTUyIsInJhdGlvIjoiMiUifSx7ImlkIjo1OSwic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiI5JSJ9LHsiaWQi
    OjYwLCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiIxNiUifSx7ImlkIjo2MSwic3RhdHVzIjoiU1VDQ0VTUyIsInJh
    dGlvIjoiMjMlIn0seyJpZCI6NjIsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiMzAlIn0seyJpZCI6NjMsInN0YXR1
    cyI6IlJVTk5JTkciLCJyYXRpbyI6IjM3JSJ9LHsiaWQiOjY0LCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiI0NCUi
    fSx7ImlkIjo2NSwic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiI1MSUifSx7ImlkIjo2Niwic3RhdHVzIjoiUlVOTklO
    RyIsInJhdGlvIjoiNTglIn0seyJpZCI6NjcsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjY1JSJ9LHsiaWQiOjY4
    LCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6IjcyJSJ9LHsiaWQiOjY5LCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8i
    OiI3OSUifSx7ImlkIjo3MCwic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoiODYlIn0seyJpZCI6NzEsInN0YXR1cyI6
    IkZBSUxFRCIsInJhdGlvIjoiOTMlIn0seyJpZCI6NzIsInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6IjEwMCUifSx7
    ImlkIjo3Mywic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoiNiUifSx7ImlkIjo3NCwic3RhdHVzIjoiRkFJTEVEIiwi
    cmF0aW8iOiIxMyUifSx7ImlkIjo3NSwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiMjAlIn0seyJpZCI6NzYsInN0
    YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjI3JSJ9LHsiaWQiOjc3LCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6IjM0
    JSJ9LHsiaWQiOjc4LCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiI0MSUifSx7ImlkIjo3OSwic3RhdHVzIjoiU1VD
    Q0VTUyIsInJhdGlvIjoiNDglIn0seyJpZCI6ODAsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiNTUlIn0seyJpZCI6
    ODEsInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6IjYyJSJ9LHsiaWQiOjgyLCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0
    aW8iOiI2OSUifSx7ImlkIjo4Mywic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiI3NiUifSx7ImlkIjo4NCwic3RhdHVz
    IjoiUlVOTklORyIsInJhdGlvIjoiODMlIn0seyJpZCI6ODUsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjkwJSJ9
    LHsiaWQiOjg2LCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6Ijk3JSJ9LHsiaWQiOjg3LCJzdGF0dXMiOiJSVU5OSU5H
    IiwicmF0aW8iOiIzJSJ9LHsiaWQiOjg4LCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiIxMCUifSx7ImlkIjo4OSwi
    c3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiIxNyUifSx7ImlkIjo5MCwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoi
    MjQlIn0seyJpZCI6OTEsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjMxJSJ9LHsiaWQiOjkyLCJzdGF0dXMiOiJG
    QUlMRUQiLCJyYXRpbyI6IjM4JSJ9LHsiaWQiOjkzLCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8iOiI0NSUifSx7Imlk
    Ijo5NCwic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoiNTIlIn0seyJpZCI6OTUsInN0YXR1cyI6IkZBSUxFRCIsInJh
    dGlvIjoiNTklIn0seyJpZCI6OTYsInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6IjY2JSJ9LHsiaWQiOjk3LCJzdGF0
    dXMiOiJTVUNDRVNTIiwicmF0aW8iOiI3MyUifSx7ImlkIjo5OCwic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiI4MCUi
    fSx7ImlkIjo5OSwic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiODclIn0seyJpZCI6MTAwLCJzdGF0dXMiOiJTVUND
    RVNTIiwicmF0aW8iOiI5NCUifSx7ImlkIjoxMDEsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiMCUifSx7ImlkIjox
    MDIsInN0YXR1cyI6IlJVTk5JTkciLCJyYXRpbyI6IjclIn0seyJpZCI6MTAzLCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0
    aW8iOiIxNCUifSx7ImlkIjoxMDQsInN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiMjElIn0seyJpZCI6MTA1LCJzdGF0
    dXMiOiJSVU5OSU5HIiwicmF0aW8iOiIyOCUifSx7ImlkIjoxMDYsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6IjM1
    JSJ9LHsiaWQiOjEwNywic3RhdHVzIjoiRkFJTEVEIiwicmF0aW8iOiI0MiUifSx7ImlkIjoxMDgsInN0YXR1cyI6IlJV
    Tk5JTkciLCJyYXRpbyI6IjQ5JSJ9LHsiaWQiOjEwOSwic3RhdHVzIjoiU1VDQ0VTUyIsInJhdGlvIjoiNTYlIn0seyJp
    ZCI6MTEwLCJzdGF0dXMiOiJGQUlMRUQiLCJyYXRpbyI6IjYzJSJ9LHsiaWQiOjExMSwic3RhdHVzIjoiUlVOTklORyIs
    InJhdGlvIjoiNzAlIn0seyJpZCI6MTEyLCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiI3NyUifSx7ImlkIjoxMTMs
    InN0YXR1cyI6IkZBSUxFRCIsInJhdGlvIjoiODQlIn0seyJpZCI6MTE0LCJzdGF0dXMiOiJSVU5OSU5HIiwicmF0aW8i
    OiI5MSUifSx7ImlkIjoxMTUsInN0YXR1cyI6IlNVQ0NFU1MiLCJyYXRpbyI6Ijk4JSJ9LHsiaWQiOjExNiwic3RhdHVz
    IjoiRkFJTEVEIiwicmF0aW8iOiI0JSJ9LHsiaWQiOjExNywic3RhdHVzIjoiUlVOTklORyIsInJhdGlvIjoiMTElIn0s
    eyJpZCI6MTE4LCJzdGF0dXMiOiJTVUNDRVNTIiwicmF0aW8iOiIxOCUifSx7ImlkIjoxMTksInN0YXR1cyI6IkZBSUxF
    RCIsInJhdGlvIjoiMjUlIn1d
    """)

  static let mediumRaw1 = fixture(
    """
    bdi9altBEEDhd7mQTsWd/V93wXGCIaiIcBVSGNK4CsRKZfzuMUlxz3LcioEz8I0E2u8v29PP7WY/bc/Xx+uf5+1m+/Zw
    Pt+fv2yn7ffj9enX2yf7h+319H8wMHh5uL29u1ww2I/BhMHPH++/3n3CXJRjMGPQ6RTHZMGk22kckxWTiud6DDYMOl7S
    Mdkx6XiZx+TApOK1HYMTg463fEwGfVzvBKKQ8h1CQSL3B4yCSO5PIAWV1J9ACiq5zzyZnA/m6aR8ME8n5xOuJCjlfsaZ
    JEqpn3EmiVDuFxxKopT7FZeSKKV+w6EkQrnfcCmJUu53UCVSqT8glSjl/gBVIpX7E1SJVOojnwn1Tv748mVCuR6oZ0Kp
    nnAnmU7OJxxKJpT7GYeSCaV+wZ1kOrlfcSiZUO5XHEomlPoNd5Lp5H6HVKGU+x2HUkil/oBUoZT7E1SFVO5PUBVSqc88
    oZwP5inlfDBPKeUTDqUQyv2MSymUcr/gUiql1C84lEoo9ysupVLK/YZLqZRSv+FQKqHc76CqpHJ/gKqSSv0BqUop9yeo
    KqncZ55SyqPe6OR6oN4I9U4dh9IIpXzGnTQ6uZ9xKI1Q7hccSiOU+hV30ujkfsWhNEK533AojVDqd0A1QrnfQdVJ5f4A
    VSeV+hNSnVLuxw6rTisvwD6p1A/2KeV+Yp5UziecSieV+hmX0inlfsGpdFK5X3Aqg1TqV1zKoJT7DacySOV+w6kMSqnf
    ITUo5f4A1SCV+xNUg1TqT0gNSrnPPKWcD+YppXwgPwnlfMKlTEq5n3Epk1LqZxzKJJT7BZcyKeV+xaVMSqlfcSiTUO43
    XMqklPsdVJNU6g9ITUq5P0D19lOEP8leYMIqdmJpAywQO628wbIAsbwAXzJip5YW4FNG7NTyBnzMiJ1eXoHvGbETTCvw
    QSN2gnkFPmnETjKvwFeNWB4rtMLyrBEU8wrruwbNvMLysrG8V2iF5WVjea/wCsvTxvJi4RWWx40gmlbg2QbJvMHyuhE0
    8wbL+8byaqEN/r1v/PgL
    """)

  static let mediumZlib1 = fixture(
    """
    eAFt2L1qW0EQQOF3uZBOxZ39X3fBcYIhqIhwFVIY0rgKxEpl/O4xSXHPctyKgTPwjQTa7y/b08/tZj9tz9fH65/n7Wb7
    9nA+35+/bKft9+P16dfbJ/uH7fX0fzAweHm4vb27XDDYj8GEwc8f77/efcJclGMwY9DpFMdkwaTbaRyTFZOK53oMNgw6
    XtIx2THpeJnH5MCk4rUdgxODjrd8TAZ9XO8EopDyHUJBIvcHjIJI7k8gBZXUn0AKKrnPPJmcD+bppHwwTyfnE64kKOV+
    xpkkSqmfcSaJUO4XHEqilPsVl5IopX7DoSRCud9wKYlS7ndQJVKpPyCVKOX+AFUilfsTVIlU6iOfCfVO/vjyZUK5Hqhn
    QqmecCeZTs4nHEomlPsZh5IJpX7BnWQ6uV9xKJlQ7lccSiaU+g13kunkfodUoZT7HYdSSKX+gFShlPsTVIVU7k9QFVKp
    zzyhnA/mKeV8ME8p5RMOpRDK/YxLKZRyv+BSKqXULziUSij3Ky6lUsr9hkuplFK/4VAqodzvoKqkcn+AqpJK/QGpSin3
    J6gqqdxnnlLKo97o5Hqg3gj1Th2H0gilfMadNDq5n3EojVDuFxxKI5T6FXfS6OR+xaE0QrnfcCiNUOp3QDVCud9B1Unl
    /gBVJ5X6E1KdUu7HDqtOKy/APqnUD/Yp5X5inlTOJ5xKJ5X6GZfSKeV+wal0UrlfcCqDVOpXXMqglPsNpzJI5X7DqQxK
    qd8hNSjl/gDVIJX7E1SDVOpPSA1Kuc88pZwP5imlfCA/CeV8wqVMSrmfcSmTUupnHMoklPsFlzIp5X7FpUxKqV9xKJNQ
    7jdcyqSU+x1Uk1TqD0hNSrk/QPX2U4Q/yV5gwip2YmkDLBA7rbzBsgCxvABfMmKnlhbgU0bs1PIGfMyInV5ege8ZsRNM
    K/BBI3aCeQU+acROMq/AV41YHiu0wvKsERTzCuu7Bs28wvKysbxXaIXlZWN5r/AKy9PG8mLhFZbHjSCaVuDZBsm8wfK6
    ETTzBsv7xvJqoQ3+vW/8+AsDxZ1T
    """)

  static let mediumGzip1 = fixture(
    """
    H4sIAAAAAAAEA23YvWpbQRBA4Xe5kE7Fnf1fd8FxgiGoiHAVUhjSuArESmX87jFJcc9y3IqBM/CNBNrvL9vTz+1mP23P
    18frn+ftZvv2cD7fn79sp+334/Xp19sn+4ft9fR/MDB4ebi9vbtcMNiPwYTBzx/vv959wlyUYzBj0OkUx2TBpNtpHJMV
    k4rnegw2DDpe0jHZMel4mcfkwKTitR2DE4OOt3xMBn1c7wSikPIdQkEi9weMgkjuTyAFldSfQAoquc88mZwP5umkfDBP
    J+cTriQo5X7GmSRKqZ9xJolQ7hccSqKU+xWXkiilfsOhJEK533ApiVLud1AlUqk/IJUo5f4AVSKV+xNUiVTqI58J9U7+
    +PJlQrkeqGdCqZ5wJ5lOziccSiaU+xmHkgmlfsGdZDq5X3EomVDuVxxKJpT6DXeS6eR+h1ShlPsdh1JIpf6AVKGU+xNU
    hVTuT1AVUqnPPKGcD+Yp5XwwTynlEw6lEMr9jEsplHK/4FIqpdQvOJRKKPcrLqVSyv2GS6mUUr/hUCqh3O+gqqRyf4Cq
    kkr9AalKKfcnqCqp3GeeUsqj3ujkeqDeCPVOHYfSCKV8xp00OrmfcSiNUO4XHEojlPoVd9Lo5H7FoTRCud9wKI1Q6ndA
    NUK530HVSeX+AFUnlfoTUp1S7scOq04rL8A+qdQP9inlfmKeVM4nnEonlfoZl9Ip5X7BqXRSuV9wKoNU6ldcyqCU+w2n
    MkjlfsOpDEqp3yE1KOX+ANUglfsTVINU6k9IDUq5zzylnA/mKaV8ID8J5XzCpUxKuZ9xKZNS6mccyiSU+wWXMinlfsWl
    TEqpX3Eok1DuN1zKpJT7HVSTVOoPSE1KuT9A9fZThD/JXmDCKnZiaQMsEDutvMGyALG8AF8yYqeWFuBTRuzU8gZ8zIid
    Xl6B7xmxE0wr8EEjdoJ5BT5pxE4yr8BXjVgeK7TC8qwRFPMK67sGzbzC8rKxvFdoheVlY3mv8ArL08byYuEVlseNIJpW
    4NkGybzB8roRNPMGy/vG8mqhDf69b/z4C1ra9n//EwAA
    """)

  static let mediumRaw6 = fixture(
    """
    hdg9axRRHIXx7zJgt8X93/ebTmKUgKRwSSUWAZtUARMr8bsrWswzzTNtuHAme87+2Llff23P37ebdNle357efr5uN9uX
    x4eH+4dP22X78fT2/PL3L+nd9vvy/2Dg4PXx9vbuesXBsR/MOPjx/f3nuw84F3U/WDQ6x36yanae+8lm4aXtB7uG17yf
    HBpe135yWnjr+8Gl4b3gU0/+sbOgsPiBhiJr/kRHUTR/oaSolr9QUjT/8HGya3wwfujuGD99eFhJLM0vmElOOj3MJIf/
    +xhKzprfsJRcLL9jKLn6/Phdbj4/VJW75U80lYfPD1Xl6fNDVXlp/2DHyUN6cfMC6UXVy9hJOWEPQynuXsFQisJXsZPi
    8jUMpTh9DUMpal+n+o7fIPsn+KGqqvhNNFUdv4Wq6gl+qKoqfox3+4LxJ/gxXvHLGEp1/AqWUh2/iqU0xa9iKM3xa1hK
    c/w6ltIcP/5AcPwGqmqO30RVzfFDU83xW6iqOX6MV/uQ3t2+QHp3/DKG0hW/gp10x69gKN3xqxhKV/wadtJP8MNQuuPX
    +VtS8Rsoqp/gh6qG4zdR1VD8Fpoajl8kdDVcP+YrfsF81y8z3vXLmMpQ/QqWMly/iqmME/0wlan6NSxlun4dU5kn+vG9
    Q/UbaGq6fhNVTddvoaqp+i00NV0/xjt+wXj/5Yf45fxlLGU5fwVLWc4fhrKcv4qlLOevYSnL+cNQlvPX+Yrq/A1UtZS/
    iaaW8zf5jprcv8W3xKQA8h05OYCHB3D/4vAAKiCvMiKdEMgX1eQG8j4jkiLIC41IJwounnUGeasRoQ4erjXCITzea7iE
    h5uNUAoPNxvhFh6uNuIEQ5YWquHhCVzDw+1GnHh4eAIF8d/9xrc/
    """)

  static let mediumZlib6 = fixture(
    """
    eJyF2D1rFFEchfHvMmC3xf3f95tOYpSApHBJJRYBm1QBEyvxuytazDPNM224cCZ7zv7YuV9/bc/ft5t02V7fnt5+vm43
    25fHh4f7h0/bZfvx9Pb88vcv6d32+/L/YODg9fH29u56xcGxH8w4+PH9/ee7DzgXdT9YNDrHfrJqdp77yWbhpe0Hu4bX
    vJ8cGl7XfnJaeOv7waXhveBTT/6xs6Cw+IGGImv+REdRNH+hpKiWv1BSNP/wcbJrfDB+6O4YP314WEkszS+YSU46Pcwk
    h//7GErOmt+wlFwsv2Moufr8+F1uPj9UlbvlTzSVh88PVeXp80NVeWn/YMfJQ3px8wLpRdXL2Ek5YQ9DKe5ewVCKwlex
    k+LyNQylOH0NQylqX6f6jt8g+yf4oaqq+E00VR2/harqCX6oqip+jHf7gvEn+DFe8csYSnX8CpZSHb+KpTTFr2IozfFr
    WEpz/DqW0hw//kBw/Aaqao7fRFXN8UNTzfFbqKo5foxX+5De3b5Aenf8MobSFb+CnXTHr2Ao3fGrGEpX/Bp20k/ww1C6
    49f5W1LxGyiqn+CHqobjN1HVUPwWmhqOXyR0NVw/5it+wXzXLzPe9cuYylD9CpYyXL+KqYwT/TCVqfo1LGW6fh1TmSf6
    8b1D9Rtoarp+E1VN12+hqqn6LTQ1XT/GO37BeP/lh/jl/GUsZTl/BUtZzh+Gspy/iqUs569hKcv5w1CW89f5iur8DVS1
    lL+JppbzN/mOmty/xbfEpADyHTk5gIcHcP/i8AAqIK8yIp0QyBfV5AbyPiOSIsgLjUgnCi6edQZ5qxGhDh6uNcIhPN5r
    uISHm41QCg83G+EWHq424gRDlhaq4eEJXMPD7UaceHh4AgXx3/3Gtz8DxZ1T
    """)

  static let mediumGzip6 = fixture(
    """
    H4sIAAAAAAAAA4XYPWsUURyF8e8yYLfF/d/3m05ilICkcEklFgGbVAETK/G7K1rMM80zbbhwJnvO/ti5X39tz9+3m3TZ
    Xt+e3n6+bjfbl8eHh/uHT9tl+/H09vzy9y/p3fb78v9g4OD18fb27nrFwbEfzDj48f3957sPOBd1P1g0Osd+smp2nvvJ
    ZuGl7Qe7hte8nxwaXtd+clp46/vBpeG94FNP/rGzoLD4gYYia/5ER1E0f6GkqJa/UFI0//Bxsmt8MH7o7hg/fXhYSSzN
    L5hJTjo9zCSH//sYSs6a37CUXCy/Yyi5+vz4XW4+P1SVu+VPNJWHzw9V5enzQ1V5af9gx8lDenHzAulF1cvYSTlhD0Mp
    7l7BUIrCV7GT4vI1DKU4fQ1DKWpfp/qO3yD7J/ihqqr4TTRVHb+FquoJfqiqKn6Md/uC8Sf4MV7xyxhKdfwKllIdv4ql
    NMWvYijN8WtYSnP8OpbSHD/+QHD8Bqpqjt9EVc3xQ1PN8Vuoqjl+jFf7kN7dvkB6d/wyhtIVv4KddMevYCjd8asYSlf8
    GnbST/DDULrj1/lbUvEbKKqf4IeqhuM3UdVQ/BaaGo5fJHQ1XD/mK37BfNcvM971y5jKUP0KljJcv4qpjBP9MJWp+jUs
    Zbp+HVOZJ/rxvUP1G2hqun4TVU3Xb6GqqfotNDVdP8Y7fsF4/+WH+OX8ZSxlOX8FS1nOH4aynL+KpSznr2Epy/nDUJbz
    1/mK6vwNVLWUv4mmlvM3+Y6a3L/Ft8SkAPIdOTmAhwdw/+LwACogrzIinRDIF9XkBvI+I5IiyAuNSCcKLp51BnmrEaEO
    Hq41wiE83mu4hIebjVAKDzcb4RYerjbiBEOWFqrh4Qlcw8PtRpx4eHgCBfHf/ca3P1ra9n//EwAA
    """)

  static let mediumRaw9 = fixture(
    """
    hdg9axRRHIXx7zJgt8X93/ebTmKUgKRwSSUWAZtUARMr8bsrWswzzTNtuHAme87+2Llff23P37ebdNle357efr5uN9uX
    x4eH+4dP22X78fT2/PL3L+nd9vvy/2Dg4PXx9vbuesXBsR/MOPjx/f3nuw84F3U/WDQ6x36yanae+8lm4aXtB7uG17yf
    HBpe135yWnjr+8Gl4b3gU0/+sbOgsPiBhiJr/kRHUTR/oaSolr9QUjT/8HGya3wwfujuGD99eFhJLM0vmElOOj3MJIf/
    +xhKzprfsJRcLL9jKLn6/Phdbj4/VJW75U80lYfPD1Xl6fNDVXlp/2DHyUN6cfMC6UXVy9hJOWEPQynuXsFQisJXsZPi
    8jUMpTh9DUMpal+n+o7fIPsn+KGqqvhNNFUdv4Wq6gl+qKoqfox3+4LxJ/gxXvHLGEp1/AqWUh2/iqU0xa9iKM3xa1hK
    c/w6ltIcP/5AcPwGqmqO30RVzfFDU83xW6iqOX6MV/uQ3t2+QHp3/DKG0hW/gp10x69gKN3xqxhKV/wadtJP8MNQuuPX
    +VtS8Rsoqp/gh6qG4zdR1VD8Fpoajl8kdDVcP+YrfsF81y8z3vXLmMpQ/QqWMly/iqmME/0wlan6NSxlun4dU5kn+vG9
    Q/UbaGq6fhNVTddvoaqp+i00NV0/xjt+wXj/5Yf45fxlLGU5fwVLWc4fhrKcv4qlLOevYSnL+cNQlvPX+Yrq/A1UtZS/
    iaaW8zf5jprcv8W3xKQA8h05OYCHB3D/4vAAKiCvMiKdEMgX1eQG8j4jkiLIC41IJwounnUGeasRoQ4erjXCITzea7iE
    h5uNUAoPNxvhFh6uNuIEQ5YWquHhCVzDw+1GnHh4eAIF8d/9xrc/
    """)

  static let mediumZlib9 = fixture(
    """
    eNqF2D1rFFEchfHvMmC3xf3f95tOYpSApHBJJRYBm1QBEyvxuytazDPNM224cCZ7zv7YuV9/bc/ft5t02V7fnt5+vm43
    25fHh4f7h0/bZfvx9Pb88vcv6d32+/L/YODg9fH29u56xcGxH8w4+PH9/ee7DzgXdT9YNDrHfrJqdp77yWbhpe0Hu4bX
    vJ8cGl7XfnJaeOv7waXhveBTT/6xs6Cw+IGGImv+REdRNH+hpKiWv1BSNP/wcbJrfDB+6O4YP314WEkszS+YSU46Pcwk
    h//7GErOmt+wlFwsv2Moufr8+F1uPj9UlbvlTzSVh88PVeXp80NVeWn/YMfJQ3px8wLpRdXL2Ek5YQ9DKe5ewVCKwlex
    k+LyNQylOH0NQylqX6f6jt8g+yf4oaqq+E00VR2/harqCX6oqip+jHf7gvEn+DFe8csYSnX8CpZSHb+KpTTFr2IozfFr
    WEpz/DqW0hw//kBw/Aaqao7fRFXN8UNTzfFbqKo5foxX+5De3b5Aenf8MobSFb+CnXTHr2Ao3fGrGEpX/Bp20k/ww1C6
    49f5W1LxGyiqn+CHqobjN1HVUPwWmhqOXyR0NVw/5it+wXzXLzPe9cuYylD9CpYyXL+KqYwT/TCVqfo1LGW6fh1TmSf6
    8b1D9Rtoarp+E1VN12+hqqn6LTQ1XT/GO37BeP/lh/jl/GUsZTl/BUtZzh+Gspy/iqUs569hKcv5w1CW89f5iur8DVS1
    lL+JppbzN/mOmty/xbfEpADyHTk5gIcHcP/i8AAqIK8yIp0QyBfV5AbyPiOSIsgLjUgnCi6edQZ5qxGhDh6uNcIhPN5r
    uISHm41QCg83G+EWHq424gRDlhaq4eEJXMPD7UaceHh4AgXx3/3Gtz8DxZ1T
    """)

  static let mediumGzip9 = fixture(
    """
    H4sIAAAAAAACA4XYPWsUURyF8e8yYLfF/d/3m05ilICkcEklFgGbVAETK/G7K1rMM80zbbhwJnvO/ti5X39tz9+3m3TZ
    Xt+e3n6+bjfbl8eHh/uHT9tl+/H09vzy9y/p3fb78v9g4OD18fb27nrFwbEfzDj48f3957sPOBd1P1g0Osd+smp2nvvJ
    ZuGl7Qe7hte8nxwaXtd+clp46/vBpeG94FNP/rGzoLD4gYYia/5ER1E0f6GkqJa/UFI0//Bxsmt8MH7o7hg/fXhYSSzN
    L5hJTjo9zCSH//sYSs6a37CUXCy/Yyi5+vz4XW4+P1SVu+VPNJWHzw9V5enzQ1V5af9gx8lDenHzAulF1cvYSTlhD0Mp
    7l7BUIrCV7GT4vI1DKU4fQ1DKWpfp/qO3yD7J/ihqqr4TTRVHb+FquoJfqiqKn6Md/uC8Sf4MV7xyxhKdfwKllIdv4ql
    NMWvYijN8WtYSnP8OpbSHD/+QHD8Bqpqjt9EVc3xQ1PN8Vuoqjl+jFf7kN7dvkB6d/wyhtIVv4KddMevYCjd8asYSlf8
    GnbST/DDULrj1/lbUvEbKKqf4IeqhuM3UdVQ/BaaGo5fJHQ1XD/mK37BfNcvM971y5jKUP0KljJcv4qpjBP9MJWp+jUs
    Zbp+HVOZJ/rxvUP1G2hqun4TVU3Xb6GqqfotNDVdP8Y7fsF4/+WH+OX8ZSxlOX8FS1nOH4aynL+KpSznr2Epy/nDUJbz
    1/mK6vwNVLWUv4mmlvM3+Y6a3L/Ft8SkAPIdOTmAhwdw/+LwACogrzIinRDIF9XkBvI+I5IiyAuNSCcKLp51BnmrEaEO
    Hq41wiE83mu4hIebjVAKDzcb4RYerjbiBEOWFqrh4Qlcw8PtRpx4eHgCBfHf/ca3P1ra9n//EwAA
    """)

  static let emptyRaw = fixture(
    """
    AwA=
    """)

  static let emptyZlib = fixture(
    """
    eJwDAAAAAAE=
    """)

  static let emptyGzip = fixture(
    """
    H4sIAAAAAAAAAwMAAAAAAAAAAAA=
    """)

  static let bigGzip9 = fixture(
    """
    H4sIAAAAAAACA+3dW5KcuAJF0RF1BCAJpOHwEPMfgg/uMXRGf6x1ryO67MqqBPTKr33PupW2zXV9ytyebeyz3uU4n+VY
    z73N7ayl9F6PeT9zzuVc1/e51rmVuj+z9bou/Sx3W+o9zqW2sl7X0vP3Yx5jtPyZfVn2Yxvtvbd2X2995nat932/7c1/
    Xf2629v2493HeZ1Xbe+73uu29XL1Y3vfdh7XrLWW/V6fce11nM/7zpq3ePe5zOce1znL2fu1lHWb19afXMHV21vGW+c4
    z+u57ncv79PGqOuWt7i3595mK3fty7XWd9tzCfm9oy/vds/8RbnvfdwzF3Icc7+u8eytvudxXmN73qO27X7HvI9cZ1nv
    d51H/tfKc77LtbVW73Yu1zLP9SizHftax/sc4ynHOt/yrOec95YrGeXclm3dt/VZl2PJi3M7ztykWnJhbbmP5V6XdTzP
    +fS9rPOp6/6U9j2aPJXlrNvZj+U4t3E993WX2trZtvzn3u5y1qvm97/5xmNZ9+Xtx1nXfm4l72Qud2vjOd7zPfKzxnnf
    x1XalV/7LKU8NU/uPMeVN/9dx3Udx7Xk4bz1Pq+tPu/9luuYo/T72Geb8+3lLnOupa/Pco5exrEe7cr7q8uVp3CNPo48
    4nu9npJncM6t1qPX5V7quR+jLuu75cn2d5ayntu5z6ue/dzXfJG3u+65pmVpc9Rcwix5EvM9Sil5cM+xj6u+9T3ODLr6
    vfetvrlL+9rnPN71ym9e6rbeJbdmf/rY9/ct53ivZTmuZ+8jI+Q5r6OWtecJz/PYyrv1s5d12Z+91ntvZavfGNszfN88
    1rVmgC5n32Y/+nqV+Wwtd3M/89Tr2NYy8tLreduTVxyZMWXbMwHaWVvPCJnvvp/HWu71fGafd2nP9c6770vey/mUXM7a
    c1XHfHquKO+vtuPtddvWDMMrtzg3ON88ynvfPT+3z+P47tDIcF72c+wZabVnAuTKrrGedxvHN1WePfd3HxmR5/5cz5Z/
    WI62XvtSc/czF/NU9rKv57Vvx3rnHmS4nCM3KpeyvvdTRtlb5vv6nnnirW5HXltK/l+vte99ZrS0ntl0t+2481R7zSA7
    l9zTY8nr8s4zZ99MqWc7npI7NTPU577nwR5jedY9X2Zst5IXnnVv67qOc7/nOs972fZc4FJ6RsMzM5oziUeez3llqFzL
    OPL3teWunVmY+nvuuV+l9V5ayde1fT8tc2Qd71kyafOrRs/lPjPr0JUHUTMZ77z39Xm2vecGX/mzZLoeGSR5gGN7t62N
    +t7nuT1tnXNbs2JdGbb5Ig8qi9C8nucq11b2XPebtesb6Veb/cw9z+rXc98zA7bMi1GPt2R1mEfLivesT1aLfJlHfGco
    Zh258+z2KwtvWerIb8pTnmOux/PMKxP6ybqXVz3teTIy7j1z8skq2Nr85vrb+pv3/Z4Zt8+RoX/2jJBRnozAbW1LuWfe
    wdr7maG2fOtRm6WfTybIaNdezj0LZAb98g2dXPN1Zf7P5yh9biNr5TPuUe58d9/6MbJb9PqOPIcs1iO3K4tuVuDcvjv7
    yDie/PD96O/3g3ouN9+XIZu5k7fS3567/rYlK3bJ0H3esWZBy/0q98jKWDO0juetPZf4XplyMwPhfrKI5KX7smUryYqd
    N5JH21oG3bV8f3tsNWtQbsXI13mQ9/FmAD93loyllZpN73zvVva5Pltf76U99breK2PvHnvLFtTy+9p29eyCPT/1zvzv
    JYM2G0lZ8kDL+o367Wztyoq4j8zFLF1Zd75XtTtz+K25DxkgGYRZvq93zTpZvx/5zOwwS3bf+2773L5N8q5Z17PfZSNa
    sjVk5V1apmS22VqWPOOz5Fbe17kd9Vq2Z3+zPmcv3d8tq1rWqezGLSvwcZ4tTzLDaB/Zk79lLdvIlhec2z5LxnJGzVmf
    TLPM8DfTJst3Vv8sDFs2hCyU18yWl5mbFeF5crlHnte2vstYZ66ylvO4M0P2rBttyYqbNTfHgjzGjN6r798GP/JelvVa
    1i2TKtvAmydWxpJLn2PJI3n6OTMU9uV887qad5ftLZMxW//3r+8zMi/yj1fOJlmPcydytZlg/Ttn5C6X613uzJEsYxmn
    338v652l6MkbbvVbCrfc3yXTMCM5y3SGW1awOkYW60zePatX2TIRc+nb3MeedW67879czzMyJ7+FIe+59Py6LN3nHCP7
    cB5b3m2eRMuOu4/MyTrKkWG/5MZlkZ6519txfLvkntmwZXdcSm5Ym2+mwLegt/2bjc/Il1k/slxm4cmVz2cs+3ZmeI5s
    WVuOGt+t+/aGbICZXEd2hxwjcqP2ddxHXphfmJNJz2qQWdmzc2bRatlyWivLyKFjyw8tOcR8u0Ppbc3vzGnq/ne23Nlv
    jnY+d/t2iPn3tNdym3Pi+s4BfdY85wy0ku34ePOdGbTZyvacX+q75HiUM9t2jWxSS9bJM6e07R15ctlMciJ6s4DkBJCZ
    1LNzZMXJUnUd34pz5zHfOfPlIJfFJm84R5Dv/eYNZprnd3x7SZ+Zavd4sgRmJL7ZI3OgyajKj8/TeHIdWQ+/RfG6cte+
    40bNQnHnTPJtYiW3OL+55tj37t/2fb/59ztjamauX+V7B2tf63p+73O0ubyZvec18wNayYbwZpvISrt8O0vdao5Se45n
    2YmyJfaybN9+mr0qP7TN7JbfWXTm4Jdl6cku8x3Fas2ZOceInEozR3Jcy+zIQvGcNff23jPSc1BYM4dme3P7c7jL3pBp
    /2ZzvM6jfOfcnPKWLDXte3BLlsHj7PnLIxeU88uVqZxFLsfYnGPamW/JHpbROc7c29zMPJisZeXOsWq7+1OX7JRZyrPx
    7blzZcsp4cgNXr7jbE5NGa45Vb5HzxLYx8x+smayLEfPsvps+SyQM17mdiZjtrjsHzmg9jczIJeSh5y3863RJZ8Nsm6X
    NRMh4ye7a+5PHTkpZ8rlGLM/7V163kROkhkx95oDZbbi7LY1r1p6Xntkf80zzwnhyon+XDP4ap5LG3e28ZzUsjDlrJ2l
    5MiRc/lWlezgW47dc2T/Hjma12+Q5e9yilozurJfvnXJs8gJZlueemT03M+bJfv+XpfZnoeXzy/Zds46vz3zzj6XwZwd
    6i7v96FibUfr19G/ZXf0eX1zun8LX+7YkuX3KjUL0J4R+JZ76Uv28Fzmkq1pHBmVOb1v39wauZn5x6VlPczykr0q63Se
    /jHa+GZ0zmoZ89+8zu6b0+aTA00WwO+mZD3YyxxHO/Ld+ZarvG82nkyFbBffKMnxJx/hsnh+R4IMzm9Dr9lIc3LLqOkl
    c3Q98thzgjyXnICzEdbvFmS1zg6bAZwD31bXseSMMdbvbJXrLzlO5NvXDPxs+3N/Z/6sWamy8z0ZMr3mHYxswt9sXfIR
    q+el+3dsO7Iu5JNM3mk+vOzfo88BIL+9Hpmj88nSliNGKXuedaZY1uyMi0ya5RspmZbPlrU9G3bPQ8smfN1bz3Ehe3PW
    spa1ox3fZ9arXplDY8mDOs8zQynbeo7W+ZMPCtnvZ87r+byZfalnmc/8yoeOe36b197PKwfezP6MsTtTq+WpXJk6Od/m
    mJWlP58d84Byjsoel4NIz6zZluXJ0GvZhvMuZz4eHE8+cmSPyMeRrNm52/f7fUzMSPn2wiy117q8bc18y6eAPSt1bt5+
    5SyYR5O3mQ0ga31Ovd+vzfn+zQbx7YZbu3IsndnCs37nceSIno/kdz6AZW/LdrZc43sm34qdZSUbWx59v3Jmz+qUJSf7
    WqbNmV0wn+TyO7LJtnw+Ov/OhOyLZ5aaXGVmWx7Ec/4DAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADwP3Hrq+ur66vr
    q+ur66vrq+ur66vrq+ur66vrq+ur66vrqwMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPyIvrq+ur66vrq+ur66vrq+
    ur66vrq+ur66vrq+ur66vjoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMCv6Kvrq+ur66vrq+ur66vrq+ur66vrq+ur
    66vrq+ur66sDAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD8ir66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur46
    AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADAr+ir66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+urAwAAAAAAAAAA
    AAAAAAAAAAAAAAAAAAAAAAAA/Iq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+OgAAAAAAAAAAAAAAAAAAAAAA
    AAAAAAAAAAAAwK/oq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrqwMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
    APyKvrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vjoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMCv6Kvrq+ur
    66vrq+ur66vrq+ur66vrq+ur66vrq+ur66sDAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD8ir66vrq+ur66vrq+ur66
    vrq+ur66vrq+ur66vrq+ur46AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADAr+ir66vrq+ur66vrq+ur66vrq+ur66vr
    q+ur66vrq+urAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/Iq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+
    OgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwK/oq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrqwMAAAAAAAAA
    AAAAAAAAAAAAAAAAAAAAAAAAAPyKvrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vjoAAAAAAAAAAAAAAAAAAAAA
    AAAAAAAAAAAAAMCv6Kvrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66sDAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
    AAD8ir66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur46AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADAr+ir66vr
    q+ur66vrq+ur66vrq+ur66vrq+ur66vrq+urAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/Iq+ur66vrq+ur66vrq+
    ur66vrq+ur66vrq+ur66vrq+OgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwK/oq+ur66vrq+ur66vrq+ur66vrq+ur
    66vrq+ur66vrqwMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPyKvrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66
    vjoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMCv6Kvrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66sDAAAAAAAA
    AAAAAAAAAAAAAAAAAAAAAAAAAAD8ir66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur46AAAAAAAAAAAAAAAAAAAA
    AAAAAAAAAAAAAADAr+ir66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+urAwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
    AAAA/Iq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+OgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwK/oq+ur
    66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrqwMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPyKvrq+ur66vrq+ur66
    vrq+ur66vrq+ur66vrq+ur66vjoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMCv6Kvrq+ur66vrq+ur66vrq+ur66vr
    q+ur66vrq+ur66sDAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD8ir66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+
    ur46AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADAr+ir66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+urAwAAAAAA
    AAAAAAAAAAAAAAAAAAAAAAAAAAAA/Iq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+OgAAAAAAAAAAAAAAAAAA
    AAAAAAAAAAAAAAAAwK/oq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vrqwMAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
    AAAAAPyKvrq+ur66vrq+ur66vrq+ur66vrq+ur66vrq+ur66vjoAAAAAAAAAAAAAAAAAAAAA8N/5A1JflUgAABAA
    """)

  static let randomGzip6 = fixture(
    """
    H4sIAAAAAAAAAwHcBSP6iYmldSBFbYRhgVQS7tS1MEULt+OZ1I6wbi936feVcbov5bzzuRITk3iOqRjudeSJVnrbP4CS
    kXdvYu+Zs2mDRoft+ySrp19pAC0SKOUjhl5TIsK8umOVMps0l0DiF+X8CbqY4u2bCl5ud8gbyndVCbcapDBC4VM4aryp
    tHs3TjIsZM0DeIfKyzyEAseVCQfh93u5dQ6ihOFVE1vPd2F4QmgC0GFDA1gG4mz6Bj9xVj6NXTliFj7ehdNR52jNLBmC
    Nq7a00ambGnXRuevv0b4efHXXNBTThp9XY2DV3Ux6kwNfSQyegm+S5MqAZoOIabomgNZlbxq8B9q4Gh0aAij+GaK5FTW
    xAYEjzJ/nyOZGeUA92qLSSoYxXJizpeeSP3cuOtTE1Nv/O1CdJuX90cHx5zLxYjzJUrG7ivtmQ6KrlJ8ualG6KFYXCUJ
    jFmBwynm5pikZrL0PXpWUv1RsGZvsCkMHsWO89KrrwiJvLqlN5tUdj38fC+rOiDwNpd9c/hQN/vqaDz8ITFZi8uamITp
    PGF9yiNMbktcxxzQQ2xKAYkfn0UI61b/Rpqoi8sW+fcjgsSBsRhI1TrB8AMtdYNCtFkQZnuSlyND6nf/JSqbGKcxZJuA
    2FUAK4aBBi6StXInW2WHmylXRH7CEWCCzAQGIOZ1UWeEL4aHjuoTHLh5Szygt98/qTAcUZmO5rn1ynjmGA7ZPhVsHaZS
    QWHR4WeESp0epT8JuGET6AbJopyFJlE/SGzdg6V+4UqfJyQEF9SpzLETdEKHzBwmkEEVuc/HutQ7Qh3FcWKP7Ryf7hog
    9bGliV+0SzcWxMxFhupFPhV4Tv+T1dNqfwezz/8FGhudup++w9kdXvVkUT3Q+jhqxuMmq5fcpiaOpBXRgUP9n4YdMmh1
    uq+UIlIuj1cbie2UU9NYhQw1PUe7ijpbf7pGZjHXnq4v+XNV6NpVUycwXTUhzh2XPXlIYqWLIsaRSqb2TgV5pxD0kUZ9
    zaT89SZTYqOOEwRFad+Xu4+g+lGkV+/MNRCWNpeHrWmAl4leYmbTM4tSBP7+mp5UDs0wl8DzBwPefLR42+xCBWpENDjd
    L0AoPvLOPi8QL8iBwJ48lxD3THnVOa23Wr2nBMQzXY5GYtoeCpzf9NoCb2CSfRcgRnf9fTNdryRm1qnFLsCkbUPvoaSz
    pLlGkM+hIlsE/1QvP3BirVhWGatEYiWcEeVzvaDWRwUfohzKTbc/M23PKmEH/KFcYniOv8EqnSNg+JdNLM+AF0Zzbx82
    CDAx71ybdYf6sliz73w7BFql3uO10otN5sYCTwU2KEHrbG7Cf54Cd8ALuIKS27fESLTj0/UcDrpykd5zL2p8JbtsAR4R
    K6GOqCeVCTmiyrtOQktoj2tvK8xawurJArSczacEOuk76oYJewd/vMkNn8PILtpbuUZXSpnH7Kv2aFx6lY1Q38V1FjuB
    JRvzSRgp/72jYTH+KvhGxAWxrj8wHhuvtJbLwtn1lrEIF7cZghJamsM16TG0xBdWk3Gp1aObB2yTRoYpr91ygsip3zHk
    EC3Wpo5cSnx1FcSKZHOuWomWRUCW5/OOhChsfQpCitbczuljpGFCGcGYiALC58XsoSCx1L/FFxCjD+g+c7sc7y6XTBOv
    0BEkYvgaE8PaD/Ob/ilm+vqOyvN/bSQaH97Jvt93zueBrTUOjvHUnyWGBC+GJA99Xk9XKtB0RjhHyPlE/uGsg0wR5H6x
    hV6NoSK6FRIb54HHUk0BWnS+BQzTGnhNAsS9CjLIarlPyMcl2qsF+YUFPg+QRTB25qG5RfbCEiJSL8uRCnqK/scsg4mm
    cbeT2oPsDADXb3tBCozKKorK10sE57uRkZbYY6D7pX+h4jmTd8OYm5t2wf0PtnNmCVfDYlxHX76mRp+ePGVRXdZAQSf5
    +4pYKP2gk8lvGaLZcz4RTyVViVFSrO0a+mY2pogFDyLMuzAWvHB7UO+S15DVodD1t3brKnJWylDzugSqcdzCCm0BFtv7
    I9wFAAA=
    """)

  static let randomZlib6 = fixture(
    """
    eJwB3AUj+omJpXUgRW2EYYFUEu7UtTBFC7fjmdSOsG4vd+n3lXG6L+W887kSE5N4jqkY7nXkiVZ62z+AkpF3b2LvmbNp
    g0aH7fskq6dfaQAtEijlI4ZeUyLCvLpjlTKbNJdA4hfl/Am6mOLtmwpebnfIG8p3VQm3GqQwQuFTOGq8qbR7N04yLGTN
    A3iHyss8hALHlQkH4fd7uXUOooThVRNbz3dheEJoAtBhQwNYBuJs+gY/cVY+jV05YhY+3oXTUedozSwZgjau2tNGpmxp
    10bnr79G+Hnx11zQU04afV2Ng1d1MepMDX0kMnoJvkuTKgGaDiGm6JoDWZW8avAfauBodGgIo/hmiuRU1sQGBI8yf58j
    mRnlAPdqi0kqGMVyYs6Xnkj93LjrUxNTb/ztQnSbl/dHB8ecy8WI8yVKxu4r7ZkOiq5SfLmpRuihWFwlCYxZgcMp5uaY
    pGay9D16VlL9UbBmb7ApDB7FjvPSq68Iiby6pTebVHY9/Hwvqzog8DaXfXP4UDf76mg8/CExWYvLmpiE6TxhfcojTG5L
    XMcc0ENsSgGJH59FCOtW/0aaqIvLFvn3I4LEgbEYSNU6wfADLXWDQrRZEGZ7kpcjQ+p3/yUqmxinMWSbgNhVACuGgQYu
    krVyJ1tlh5spV0R+whFggswEBiDmdVFnhC+Gh47qExy4eUs8oLffP6kwHFGZjua59cp45hgO2T4VbB2mUkFh0eFnhEqd
    HqU/CbhhE+gGyaKchSZRP0hs3YOlfuFKnyckBBfUqcyxE3RCh8wcJpBBFbnPx7rUO0IdxXFij+0cn+4aIPWxpYlftEs3
    FsTMRYbqRT4VeE7/k9XTan8Hs8//BRobnbqfvsPZHV71ZFE90Po4asbjJquX3KYmjqQV0YFD/Z+GHTJodbqvlCJSLo9X
    G4ntlFPTWIUMNT1Hu4o6W3+6RmYx156uL/lzVejaVVMnMF01Ic4dlz15SGKliyLGkUqm9k4FeacQ9JFGfc2k/PUmU2Kj
    jhMERWnfl7uPoPpRpFfvzDUQljaXh61pgJeJXmJm0zOLUgT+/pqeVA7NMJfA8wcD3ny0eNvsQgVqRDQ43S9AKD7yzj4v
    EC/IgcCePJcQ90x51Tmtt1q9pwTEM12ORmLaHgqc3/TaAm9gkn0XIEZ3/X0zXa8kZtapxS7ApG1D76Gks6S5RpDPoSJb
    BP9ULz9wYq1YVhmrRGIlnBHlc72g1kcFH6Icyk23PzNtzyphB/yhXGJ4jr/BKp0jYPiXTSzPgBdGc28fNggwMe9cm3WH
    +rJYs+98OwRapd7jtdKLTebGAk8FNihB62xuwn+eAnfAC7iCktu3xEi049P1HA66cpHecy9qfCW7bAEeESuhjqgnlQk5
    osq7TkJLaI9rbyvMWsLqyQK0nM2nBDrpO+qGCXsHf7zJDZ/DyC7aW7lGV0qZx+yr9mhcepWNUN/FdRY7gSUb80kYKf+9
    o2Ex/ir4RsQFsa4/MB4br7SWy8LZ9ZaxCBe3GYISWprDNekxtMQXVpNxqdWjmwdsk0aGKa/dcoLIqd8x5BAt1qaOXEp8
    dRXEimRzrlqJlkVAlufzjoQobH0KQorW3M7pY6RhQhnBmIgCwufF7KEgsdS/xRcQow/oPnO7HO8ul0wTr9ARJGL4GhPD
    2g/zm/4pZvr6jsrzf20kGh/eyb7fd87nga01Do7x1J8lhgQvhiQPfV5PVyrQdEY4R8j5RP7hrINMEeR+sYVejaEiuhUS
    G+eBx1JNAVp0vgUM0xp4TQLEvQoyyGq5T8jHJdqrBfmFBT4PkEUwduahuUX2whIiUi/LkQp6iv7HLIOJpnG3k9qD7AwA
    1297QQqMyiqKytdLBOe7kZGW2GOg+6V/oeI5k3fDmJubdsH9D7ZzZglXw2JcR1++pkafnjxlUV3WQEEn+fuKWCj9oJPJ
    bxmi2XM+EU8lVYlRUqztGvpmNqaIBQ8izLswFrxwe1DvkteQ1aHQ9bd26ypyVspQ87oEqnHcwgptAbwo19M=
    """)

  static let flaggedGzip = fixture(
    """
    H4sIHgAAAAAAAwYAQVACAGhpcHJvZ3Jlc3MuanNvbgBhIGNvbW1lbnQArhurVipJLM6Oz0xRslIySjI2TE0xNVLSUSou
    SSwpLQaKBYX6+Xn6uQOFCory04tSi4GC1UpFiSWZ+UBZEyNVoExmXhqIU1Sal5eZl65UWwsA/GaPvFUAAAA=
    """)

  static let twoMembersGzip = fixture(
    """
    H4sIAAAAAAAAA6tWKkkszo7PTFGyUjJKMjZMTTE1UtJRKi5JLCktBooFhfr5efq5A4UKivLTi1KLgYLVSkWJJZn5QFkT
    I1WgTGZeGohTVJqXl5mXrlRbCwD8Zo+8VQAAAB+LCAAAAAAABANt2L1qW0EQQOF3uZBOxZ39X3fBcYIhqIhwFVIY0rgK
    xEpl/O4xSXHPctyKgTPwjQTa7y/b08/tZj9tz9fH65/n7Wb79nA+35+/bKft9+P16dfbJ/uH7fX0fzAweHm4vb27XDDY
    j8GEwc8f77/efcJclGMwY9DpFMdkwaTbaRyTFZOK53oMNgw6XtIx2THpeJnH5MCk4rUdgxODjrd8TAZ9XO8EopDyHUJB
    IvcHjIJI7k8gBZXUn0AKKrnPPJmcD+bppHwwTyfnE64kKOV+xpkkSqmfcSaJUO4XHEqilPsVl5IopX7DoSRCud9wKYlS
    7ndQJVKpPyCVKOX+AFUilfsTVIlU6iOfCfVO/vjyZUK5HqhnQqmecCeZTs4nHEomlPsZh5IJpX7BnWQ6uV9xKJlQ7lcc
    SiaU+g13kunkfodUoZT7HYdSSKX+gFShlPsTVIVU7k9QFVKpzzyhnA/mKeV8ME8p5RMOpRDK/YxLKZRyv+BSKqXULziU
    Sij3Ky6lUsr9hkuplFK/4VAqodzvoKqkcn+AqpJK/QGpSin3J6gqqdxnnlLKo97o5Hqg3gj1Th2H0gilfMadNDq5n3Eo
    jVDuFxxKI5T6FXfS6OR+xaE0QrnfcCiNUOp3QDVCud9B1Unl/gBVJ5X6E1KdUu7HDqtOKy/APqnUD/Yp5X5inlTOJ5xK
    J5X6GZfSKeV+wal0UrlfcCqDVOpXXMqglPsNpzJI5X7DqQxKqd8hNSjl/gDVIJX7E1SDVOpPSA1Kuc88pZwP5imlfCA/
    CeV8wqVMSrmfcSmTUupnHMoklPsFlzIp5X7FpUxKqV9xKJNQ7jdcyqSU+x1Uk1TqD0hNSrk/QPX2U4Q/yV5gwip2YmkD
    LBA7rbzBsgCxvABfMmKnlhbgU0bs1PIGfMyInV5ege8ZsRNMK/BBI3aCeQU+acROMq/AV41YHiu0wvKsERTzCuu7Bs28
    wvKysbxXaIXlZWN5r/AKy9PG8mLhFZbHjSCaVuDZBsm8wfK6ETTzBsv7xvJqoQ3+vW/8+Ata2vZ//xMAAAAAAAA=
    """)

  /// ``InflateInputs/token`` at level 6, as gzip, zlib and raw deflate.
  static let tokenGzip = fixture(
    """
    H4sIAAAAAAAAA6tWSkxOTi0uji/Jz07NU7JS8vX0jEqvyizwySxLDQGJGRgaGZuYmplbWCYmJaekpinpKKVWFGQWpRbH
    ZwI1GJsZGOgolSQWZytZVSsVlySWlBYDjQkOdXZ2DQ4GKi4oyk8HKgYKGhoY1NYCAN6P365xAAAA
    """)

  static let tokenZlib = fixture(
    """
    eJyrVkpMTk4tLo4vyc9OzVOyUvL19IxKr8os8MksSw0BiRkYGhmbmJqZW1gmJiWnpKYp6SilVhRkFqUWx2cCNRibGRjo
    KJUkFmcrWVUrFZcklpQWA40JDnV2dg0OBiouKMpPByoGChoaGNTWAgBibiTA
    """)

  static let tokenRaw = fixture(
    """
    q1ZKTE5OLS6OL8nPTs1TslLy9fSMSq/KLPDJLEsNAYkZGBoZm5iamVtYJiYlp6SmKekopVYUZBalFsdnAjUYmxkY6CiV
    JBZnK1lVKxWXJJaUFgONCQ51dnYNDgYqLijKTwcqBgoaGhjU1gIA
    """)

  private static func fixture(_ base64: String) -> Data {
    Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data()
  }
}
