import CLibXML2
import XCTest

/// Parses and validates documents in-process with libxml2, as CI readers would.
enum XMLValidation {
  /// The package root (this file is Tests/ReportsTests/XMLValidation.swift).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let ownSchema = packageRoot.appendingPathComponent("Schemas/asyncfix-junit.xsd").path

  /// `../shared/schemas/junit` beside the clone (CI), or the shared directory of this machine.
  static var sharedSchemaDirectory: String? {
    let candidates = [
      packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas/junit").path,
      "/work/shared/schemas/junit",
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/jenkins-xunit-junit-10.xsd") }
  }

  /// libxml2's error messages collected while parsing or validating.
  final class Errors: @unchecked Sendable {
    var messages: [String] = []
  }

  /// Nil when `document` is well-formed and valid against the schema at `schemaPath`; otherwise
  /// libxml2's messages.
  static func problems(_ document: [UInt8], schemaPath: String) -> [String]? {
    let errors = Errors()
    let context = Unmanaged.passUnretained(errors).toOpaque()
    let handler: xmlStructuredErrorFunc = { context, error in
      guard let context, let error, let message = error.pointee.message else { return }
      let errors = Unmanaged<Errors>.fromOpaque(context).takeUnretainedValue()
      errors.messages.append("line \(error.pointee.line): " + String(cString: message))
    }
    xmlSetStructuredErrorFunc(context, handler)
    defer { xmlSetStructuredErrorFunc(nil, nil) }

    let options = Int32(XML_PARSE_NONET.rawValue)
    guard
      let doc = document.withUnsafeBufferPointer({ buffer in
        buffer.withMemoryRebound(to: CChar.self) {
          xmlReadMemory($0.baseAddress, Int32($0.count), "report.xml", "UTF-8", options)
        }
      })
    else { return ["not well-formed"] + errors.messages }
    defer { xmlFreeDoc(doc) }

    guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else { return ["no schema parser"] }
    defer { xmlSchemaFreeParserCtxt(parserContext) }
    guard let schema = xmlSchemaParse(parserContext) else { return ["schema did not compile"] + errors.messages }
    defer { xmlSchemaFree(schema) }
    guard let validation = xmlSchemaNewValidCtxt(schema) else { return ["no validation context"] }
    defer { xmlSchemaFreeValidCtxt(validation) }
    xmlSchemaSetValidStructuredErrors(validation, handler, context)
    let result = xmlSchemaValidateDoc(validation, doc)
    return result == 0 ? nil : ["invalid (\(result))"] + errors.messages
  }
}
