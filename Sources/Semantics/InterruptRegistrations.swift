import PythonSyntax

/// Where a registered callback runs, which decides what it may safely do.
public enum CallbackContext: Hashable, Sendable {
  /// An interrupt handler (hard or soft): pin edges, timers, peripherals.
  case interrupt
  /// `micropython.schedule`: runs between two bytecodes of whatever code is running.
  case scheduler
  /// `_thread.start_new_thread`: another thread.
  case thread
}

/// A registering call added by configuration (`interrupt-registrars`), as plain values: the
/// engine's settings type is not visible here.
public struct RegistrarSpecification: Hashable, Sendable {
  /// `mylib.on_edge` (a function) or `mylib.Button.on_press` (a method: the receiver must be
  /// built by `mylib.Button(…)`).
  public var call: QualifiedName
  /// 1-based position of the handler among the positional arguments.
  public var handlerPosition: Int?
  /// Keyword the handler may be passed as.
  public var handlerKeyword: String?

  public init(call: String, handlerPosition: Int?, handlerKeyword: String?) {
    self.call = QualifiedName(call)
    self.handlerPosition = handlerPosition
    self.handlerKeyword = handlerKeyword
  }
}

/// One call that registers a callback to run outside the event loop's tasks.
public struct InterruptRegistration: Hashable, Sendable {
  /// The registering call (`button.irq(…)`, `micropython.schedule(…)`).
  public let call: CallSyntax
  /// How messages name the registrar: `irq()`, `micropython.schedule()`, `pyb.Timer.callback()`.
  public let registrar: String
  public let context: CallbackContext
  /// The handler as passed (`on_press`, `self._isr`, `lambda p: …`, `partial(f, 1)`).
  public let argument: SyntaxNode
  /// The plain defs and lambdas of this file the handler resolves to: the code that runs in the
  /// callback. Empty when it is a parameter, an import or anything else that cannot be followed,
  /// and for an `async def` or generator function (calling one runs none of its body).
  public let handlers: [SyntaxNode]
}

extension SemanticModel {
  /// Every callback registration in the file, in source order (DESIGN §3, AF105's row):
  ///
  /// - `.irq(handler)` / `.irq(handler=…)` on any receiver: the method name is MicroPython's
  ///   interrupt registration (`Pin`, `UART`, `RTC`, `rp2.StateMachine`, `bluetooth.BLE`, …), and
  ///   receivers are rarely resolvable (`pin` is often a parameter);
  /// - `machine.Timer(…, callback=f)`, `pyb.Timer(…, callback=f)`, `pyb.ExtInt(pin, mode, pull,
  ///   f)`, `micropython.schedule(f, arg)`, `_thread.start_new_thread(f, args)`,
  ///   `sensor.set_vsync_callback(f)` / `set_frame_callback(f)`, `openamp.Endpoint(name, f)`,
  ///   through any import form;
  /// - `.vsync_callback(f)` / `.frame_callback(f)` (OpenMV's `csi.CSI`) on any receiver: names
  ///   no other API uses;
  /// - CPython's ways to run a function in another thread, the twins of `_thread`:
  ///   `threading.Thread(target=f)`, `threading.Timer(t, f)`, `asyncio.to_thread(f)`, and
  ///   `loop.run_in_executor(executor, f)` on any receiver;
  /// - `.callback(f)` only on a receiver built by `pyb.Timer(…)`, `pyb.Switch()` or a timer's
  ///   `.channel(…)` (a `Delay_ms.callback` runs in a task); `.channel(…, callback=f)` on a
  ///   `pyb.Timer`; `.init(…, callback=f)` on a `machine.Timer`/`pyb.Timer`, or on a receiver
  ///   whose construction is unknown (the keyword is the timer API's);
  /// - the `configured` registrars: functions by qualified name, methods (`mylib.Button.on_press`)
  ///   on receivers built by their class.
  public func interruptRegistrations(configured: [RegistrarSpecification] = []) -> [InterruptRegistration] {
    let matcher = RegistrationMatcher(model: self, configured: configured)
    var result: [InterruptRegistration] = []
    let kinds = tree.nodeKinds
    for index in kinds.indices where kinds[index] == .call {
      if let registration = matcher.registration(CallSyntax(tree.node(UInt32(index)))!) { result.append(registration) }
    }
    return result
  }

  /// The registration `call` makes, if it is one (see `interruptRegistrations(configured:)`).
  public func interruptRegistration(
    _ call: CallSyntax, configured: [RegistrarSpecification] = []
  ) -> InterruptRegistration? {
    RegistrationMatcher(model: self, configured: configured).registration(call)
  }
}

/// Decides whether one call registers a callback; built once per scan.
struct RegistrationMatcher {
  /// Where the handler is among a registrar's arguments, and where it runs.
  struct Slot {
    var position: Int?
    var keyword: String?
    var context: CallbackContext
  }

  static let functionRegistrars: [String: Slot] = [
    "machine.Timer": Slot(keyword: "callback", context: .interrupt),
    "pyb.Timer": Slot(keyword: "callback", context: .interrupt),
    "pyb.ExtInt": Slot(position: 4, keyword: "callback", context: .interrupt),
    "micropython.schedule": Slot(position: 1, context: .scheduler),
    "_thread.start_new_thread": Slot(position: 1, context: .thread),
    "threading.Thread": Slot(keyword: "target", context: .thread),
    "threading.Timer": Slot(position: 2, keyword: "function", context: .thread),
    "asyncio.to_thread": Slot(position: 1, context: .thread),
    "sensor.set_vsync_callback": Slot(position: 1, context: .interrupt),
    "sensor.set_frame_callback": Slot(position: 1, context: .interrupt),
    "openamp.Endpoint": Slot(position: 2, keyword: "callback", context: .interrupt),
  ]
  /// Methods whose name alone identifies the registration, whatever the receiver.
  static let anyReceiverMethods: [String: Slot] = [
    "irq": Slot(position: 1, keyword: "handler", context: .interrupt),
    "run_in_executor": Slot(position: 2, keyword: "func", context: .thread),
    "vsync_callback": Slot(position: 1, context: .interrupt),
    "frame_callback": Slot(position: 1, context: .interrupt),
  ]
  static let timers: QualifiedNameSet = ["machine.Timer", "pyb.Timer"]
  static let callbackReceivers: QualifiedNameSet = ["pyb.Timer", "pyb.Switch"]
  static let pybTimer: QualifiedNameSet = ["pyb.Timer"]

  let model: SemanticModel
  /// The qualified names of the function registrars, built-in and configured.
  let functionNames: QualifiedNameSet
  /// Which called names can be one of `functionNames`.
  let functionFilter: CalleeFilter
  /// Configured function registrars by canonical name.
  let configuredFunctions: [QualifiedName: Slot]
  /// Configured method registrars: method name → (class, the configured name, slot).
  let configuredMethods: [String: [(owner: QualifiedNameSet, name: String, slot: Slot)]]
  /// Method names worth a closer look.
  let methodNames: Set<String>

  init(model: SemanticModel, configured: [RegistrarSpecification]) {
    self.model = model
    var functions: [QualifiedName: Slot] = [:]
    var methods: [String: [(owner: QualifiedNameSet, name: String, slot: Slot)]] = [:]
    for specification in configured {
      let slot = Slot(
        position: specification.handlerPosition, keyword: specification.handlerKeyword, context: .interrupt)
      functions[specification.call.canonical] = slot
      // `mylib.Button.on_press` may also be a method of instances of `mylib.Button`.
      if specification.call.components.count >= 2, let method = specification.call.lastComponent {
        let owner = QualifiedName(components: Array(specification.call.components.dropLast()))
        methods[method, default: []].append(
          (QualifiedNameSet([owner.description]), specification.call.description, slot))
      }
    }
    configuredFunctions = functions
    configuredMethods = methods
    functionNames = QualifiedNameSet(Array(Self.functionRegistrars.keys) + functions.keys.map(\.description))
    functionFilter = CalleeFilter(functionNames, in: model)
    methodNames = Set(Self.anyReceiverMethods.keys).union(["callback", "init", "channel"]).union(methods.keys)
  }

  func registration(_ call: CallSyntax) -> InterruptRegistration? {
    let callee = call.callee.unparenthesized
    if let attribute = AttributeSyntax(callee), let name = attribute.name, methodNames.contains(name),
      let (slot, registrar) = methodSlot(name, receiver: attribute.value.unparenthesized)
    {
      return make(call, slot: slot, registrar: registrar)
    }
    guard functionFilter.mayMatch(callee), let name = model.match(callee, in: functionNames) else { return nil }
    let slot = configuredFunctions[name] ?? Self.functionRegistrars[name.description]
    return slot.flatMap { make(call, slot: $0, registrar: "\(name)()") }
  }

  /// The slot of method `name` called on `receiver`, and how messages name it.
  private func methodSlot(_ name: String, receiver: SyntaxNode) -> (Slot, String)? {
    if let slot = Self.anyReceiverMethods[name] { return (slot, "\(name)()") }
    let constructors = model.constructors(of: receiver)
    for (owner, configuredName, slot) in configuredMethods[name] ?? []
    where constructors.contains(where: { $0.is(owner, model) }) {
      return (slot, "\(configuredName)()")
    }
    switch name {
    case "callback":
      if constructors.contains(where: { $0.is(Self.callbackReceivers, model) || isTimerChannel($0) }) {
        return (Slot(position: 1, context: .interrupt), "callback()")
      }
    case "channel":
      if constructors.contains(where: { $0.is(Self.pybTimer, model) }) {
        return (Slot(keyword: "callback", context: .interrupt), "channel(callback=)")
      }
    case "init":
      if constructors.isEmpty || constructors.contains(where: { $0.is(Self.timers, model) }) {
        return (Slot(keyword: "callback", context: .interrupt), "init(callback=)")
      }
    default:
      break
    }
    return nil
  }

  /// Whether `call` is `timer.channel(…)` on a `pyb.Timer`.
  private func isTimerChannel(_ call: CallSyntax) -> Bool {
    guard let attribute = AttributeSyntax(call.callee.unparenthesized), attribute.name == "channel" else {
      return false
    }
    return model.constructors(of: attribute.value.unparenthesized).contains { $0.is(Self.pybTimer, model) }
  }

  private func make(_ call: CallSyntax, slot: Slot, registrar: String) -> InterruptRegistration? {
    guard let argument = handlerArgument(of: call, slot: slot) else { return nil }
    // An `async def` or generator passed as a handler is only called, which makes a coroutine or
    // generator object: its body does not run in the callback.
    let handlers = model.functions(referencedBy: argument).filter { function in
      FunctionDefSyntax(function).map { model.flavor(of: $0) == .plain } ?? true
    }
    return InterruptRegistration(
      call: call, registrar: registrar, context: slot.context, argument: argument, handlers: handlers)
  }

  /// The argument in `slot`: the keyword when passed so, else the positional one (unknown when a
  /// `*args` comes before it).
  private func handlerArgument(of call: CallSyntax, slot: Slot) -> SyntaxNode? {
    let arguments = call.arguments
    if let keyword = slot.keyword, let argument = arguments.first(where: { $0.keyword == keyword }) {
      return argument.value
    }
    guard let position = slot.position else { return nil }
    var seen = 0
    for argument in arguments {
      switch argument.kind {
      case .starred: return nil
      case .positional:
        seen += 1
        if seen == position { return argument.value }
      case .keyword, .doubleStarred: continue
      }
    }
    return nil
  }
}

extension CallSyntax {
  /// Whether the callee names one of `names` (any import form).
  func `is`(_ names: QualifiedNameSet, _ model: SemanticModel) -> Bool { model.matches(callee, names) }
}
