// swift-tools-version:6.0
import PackageDescription

/// asyncfix: finds and fixes asyncio pitfalls in MicroPython and CPython code.
/// Layout and contract: DESIGN.md §1. Swift 6 language mode, no unsafeFlags.
let package = Package(
  name: "asyncfix",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "asyncfix", targets: ["asyncfix"]),
    .library(name: "PythonSyntax", targets: ["PythonSyntax"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    /// Lexer, token table, columnar tree, parser, printer. One module so the optimiser inlines freely.
    .target(name: "PythonSyntax"),
    .target(name: "Semantics", dependencies: ["PythonSyntax"]),
    /// TOMLKit behind an internal import: its conformances of Array and the integer types would
    /// add overloads to every `[UInt8]` subscript in a module that imports it.
    .target(name: "ConfigurationTOML", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
    .target(name: "Engine", dependencies: ["PythonSyntax", "Semantics", "ConfigurationTOML"]),
    .target(name: "Transforms", dependencies: ["PythonSyntax", "Semantics", "Engine"], path: "Transforms"),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "Reports", dependencies: ["PythonSyntax", "Engine", "CLibXML2"]),
    .executableTarget(
      name: "asyncfix",
      dependencies: [
        "PythonSyntax", "Semantics", "Engine", "Transforms", "Reports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    /// Parse-only throughput for Benchmarks/run.sh: times lexing and parsing, without file reading.
    .executableTarget(name: "asyncfix-bench", dependencies: ["PythonSyntax"], path: "Benchmarks/ParseBench"),
    .testTarget(name: "PythonSyntaxTests", dependencies: ["PythonSyntax", "Reports"]),
    .testTarget(name: "EngineTests", dependencies: ["PythonSyntax", "Semantics", "Engine", "Reports"]),
    /// Helpers shared by the test targets (starting processes).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "CLITests", dependencies: ["PythonSyntax", "TestSupport"]),
    .testTarget(name: "SemanticsTests", dependencies: ["PythonSyntax", "Semantics"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Engine", "PythonSyntax", "CLibXML2", "Transforms"]),
    .testTarget(
      name: "TransformsTests", dependencies: ["PythonSyntax", "Semantics", "Engine", "Transforms", "Reports", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
