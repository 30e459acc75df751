// PLACEHOLDER: replaced by the statement grammar work.
extension Parser {
  mutating func parseModule() {
    let marker = mark()
    while current != .endOfFile { bump() }
    consumeEndOfFile()
    finish(.module, marker)
  }
}
