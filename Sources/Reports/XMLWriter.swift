import CLibXML2

/// A thin owner of one libxml2 xmlTextWriter writing UTF-8 into memory, indented by two spaces.
///
/// Every name, value and text is passed through `XMLText.sanitized` first, so whatever a finding
/// holds, the document stays well-formed; escaping is libxml2's. Writing into a memory buffer only
/// fails when memory runs out, so the return codes are not checked call by call.
final class XMLWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr

  init() {
    buffer = xmlBufferCreate()
    writer = xmlNewTextWriterMemory(buffer, 0)
    xmlTextWriterSetIndent(writer, 1)
    xmlTextWriterSetIndentString(writer, "  ")
    xmlTextWriterStartDocument(writer, nil, "UTF-8", nil)
  }

  deinit {
    xmlFreeTextWriter(writer)
    xmlBufferFree(buffer)
  }

  func startElement(_ name: String) {
    xmlTextWriterStartElement(writer, name)
  }

  func attribute(_ name: String, _ value: String) {
    var bytes = XMLText.sanitized(value)
    bytes.append(0)
    _ = bytes.withUnsafeBufferPointer { xmlTextWriterWriteAttribute(writer, name, $0.baseAddress) }
  }

  /// Element content; libxml2 escapes `<`, `>` and `&`.
  func text(_ value: String) {
    var bytes = XMLText.sanitized(value)
    bytes.append(0)
    _ = bytes.withUnsafeBufferPointer { xmlTextWriterWriteString(writer, $0.baseAddress) }
  }

  func endElement() {
    xmlTextWriterEndElement(writer)
  }

  /// Closes every open element and returns the document.
  func finish() -> [UInt8] {
    xmlTextWriterEndDocument(writer)
    xmlTextWriterFlush(writer)
    guard let content = xmlBufferContent(buffer) else { return [] }
    let count = Int(xmlBufferLength(buffer))
    return Array(UnsafeBufferPointer(start: content, count: count))
  }
}
