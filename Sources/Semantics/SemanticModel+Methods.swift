import PythonSyntax

/// Which def `self.m` names: what the call graph (`self._trigger()`) and interrupt
/// registrations (`pin.irq(self._isr)`) need to follow code through a class without types. The
/// receiver's class comes from `instanceClass(of:)` (ValueOrigins.swift).
extension SemanticModel {
  /// The def of method `name` in the body of `classDef` (the last one when it is defined twice,
  /// as at run time), looked up in the class only: bases are not followed, even when they are
  /// in the same module, since a subclass may override what they define.
  public func method(named name: String, in classDef: ClassDefSyntax) -> FunctionDefSyntax? {
    guard let body = classDef.body else { return nil }
    var found: FunctionDefSyntax?
    for statement in body.statements {
      if let function = FunctionDefSyntax(statement), function.name == name { found = function }
    }
    return found
  }

  /// The method `attribute` (`self.m`, `cls.m`) names, when its value is a method's receiver.
  public func method(referencedBy attribute: AttributeSyntax) -> FunctionDefSyntax? {
    guard let name = attribute.name, let owner = instanceClass(of: attribute.value.unparenthesized) else {
      return nil
    }
    return method(named: name, in: owner)
  }
}
