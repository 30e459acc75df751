/// Every kind of node in the concrete syntax tree.
///
/// Where a node corresponds to one of CPython's `ast` classes, `astName` gives that class and
/// the node spans exactly the tokens CPython's positions cover (first to last significant token;
/// layout tokens never count; see `SyntaxNode.astRange`). Nodes only a concrete tree has
/// (blocks, brackets, clauses, lists) carry a name of their own and `astName == nil`.
public enum NodeKind: UInt8, Sendable, CaseIterable {
  // MARK: Module and structure
  case module
  /// The body of a compound statement: either `NEWLINE INDENT statement+ DEDENT`, or the simple
  /// statements after the colon on the same line and their NEWLINE.
  case block
  /// `@expression NEWLINE` before a `def` or `class`.
  case decorator
  /// Text the parser could not make sense of at statement level, up to the end of its line.
  case errorStatement
  /// A place where an expression was required but something else came (zero or more tokens).
  case errorExpression

  // MARK: Statements
  case functionDef, asyncFunctionDef, classDef
  case returnStatement, deleteStatement, assignment, augmentedAssignment, annotatedAssignment
  case typeAlias
  case forStatement, asyncForStatement, whileStatement, ifStatement
  /// `elif test: block` — CPython makes it an `If` nested in the previous `orelse`.
  case elifClause
  /// `else: block` of `if`, `for`, `while` and `try`.
  case elseClause
  case withStatement, asyncWithStatement
  /// One `expression [as target]` of a `with`.
  case withItem
  case matchStatement
  /// `case pattern [if guard]: block`.
  case matchCase
  case raiseStatement
  case tryStatement, tryStarStatement
  /// `except [*] [expression [as name]]: block`.
  case exceptClause
  /// `finally: block`.
  case finallyClause
  case assertStatement, importStatement, importFromStatement
  /// `name [as name]` or `dotted.name [as name]` in an import.
  case importAlias
  /// `a.b.c` in `import a.b.c` / `from a.b import c` (the dots and names as tokens).
  case dottedName
  case globalStatement, nonlocalStatement
  case expressionStatement
  case passStatement, breakStatement, continueStatement

  // MARK: Function and class parts
  /// `(…)` of a `def`, or the parameters of a `lambda` (without the colon).
  case parameters
  /// One parameter: its name and annotation (the default is a sibling after `=`).
  case parameter
  /// `[T, *Ts, **P]` after a function, class or type alias name.
  case typeParameters
  case typeVar, typeVarTuple, paramSpec
  /// `(…)` of a call or of a class's bases.
  case argumentList
  /// `name=value` or `**value` in a call.
  case keywordArgument

  // MARK: Expressions
  case boolOperation, namedExpression, binaryOperation, unaryOperation, lambda, conditionalExpression
  case dictionary, set, listComprehension, setComprehension, dictionaryComprehension, generatorExpression
  /// `key: value` or `**mapping` inside a dict display.
  case dictionaryEntry
  /// One `[async] for target in iterable [if condition]*` clause of a comprehension.
  case comprehensionClause
  case awaitExpression, yieldExpression, yieldFromExpression, comparison, call
  /// An f-string (or several concatenated with other strings): CPython's `JoinedStr`.
  case formattedString
  /// A t-string (PEP 750): `TemplateStr`.
  case templateString
  /// `{expression [=] [!conversion] [:format spec]}` inside an f-string.
  case formattedValue
  /// The same inside a t-string.
  case interpolation
  /// `:format spec` of a replacement field (literal text and nested fields).
  case formatSpec
  /// A number, string (possibly several concatenated), bytes, `True`, `False`, `None` or `...`.
  case constant
  case attribute, subscription, starred, name, list, tuple, slice
  /// `( expression )` around an expression that is not a tuple or generator.
  case parenthesized

  // MARK: Patterns (match statement)
  case matchValue, matchSingleton, matchSequence, matchMapping, matchClass, matchStar, matchAs, matchOr
  /// `key: pattern` or `**rest` in a mapping pattern.
  case mappingPatternEntry
  /// `name=pattern` in a class pattern.
  case keywordPattern
  /// `( pattern )` around a single pattern.
  case parenthesizedPattern

  /// CPython's `ast` class for this node, or `nil` when the node exists only in the concrete tree.
  public var astName: String? {
    switch self {
    case .module: "Module"
    case .functionDef: "FunctionDef"
    case .asyncFunctionDef: "AsyncFunctionDef"
    case .classDef: "ClassDef"
    case .returnStatement: "Return"
    case .deleteStatement: "Delete"
    case .assignment: "Assign"
    case .augmentedAssignment: "AugAssign"
    case .annotatedAssignment: "AnnAssign"
    case .typeAlias: "TypeAlias"
    case .forStatement: "For"
    case .asyncForStatement: "AsyncFor"
    case .whileStatement: "While"
    case .ifStatement, .elifClause: "If"
    case .withStatement: "With"
    case .asyncWithStatement: "AsyncWith"
    case .withItem: "withitem"
    case .matchStatement: "Match"
    case .matchCase: "match_case"
    case .raiseStatement: "Raise"
    case .tryStatement: "Try"
    case .tryStarStatement: "TryStar"
    case .exceptClause: "ExceptHandler"
    case .assertStatement: "Assert"
    case .importStatement: "Import"
    case .importFromStatement: "ImportFrom"
    case .importAlias: "alias"
    case .globalStatement: "Global"
    case .nonlocalStatement: "Nonlocal"
    case .expressionStatement: "Expr"
    case .passStatement: "Pass"
    case .breakStatement: "Break"
    case .continueStatement: "Continue"
    case .parameters: "arguments"
    case .parameter: "arg"
    case .typeVar: "TypeVar"
    case .typeVarTuple: "TypeVarTuple"
    case .paramSpec: "ParamSpec"
    case .keywordArgument: "keyword"
    case .boolOperation: "BoolOp"
    case .namedExpression: "NamedExpr"
    case .binaryOperation: "BinOp"
    case .unaryOperation: "UnaryOp"
    case .lambda: "Lambda"
    case .conditionalExpression: "IfExp"
    case .dictionary: "Dict"
    case .set: "Set"
    case .listComprehension: "ListComp"
    case .setComprehension: "SetComp"
    case .dictionaryComprehension: "DictComp"
    case .generatorExpression: "GeneratorExp"
    case .comprehensionClause: "comprehension"
    case .awaitExpression: "Await"
    case .yieldExpression: "Yield"
    case .yieldFromExpression: "YieldFrom"
    case .comparison: "Compare"
    case .call: "Call"
    case .formattedString: "JoinedStr"
    case .templateString: "TemplateStr"
    case .formattedValue: "FormattedValue"
    case .interpolation: "Interpolation"
    case .constant: "Constant"
    case .attribute: "Attribute"
    case .subscription: "Subscript"
    case .starred: "Starred"
    case .name: "Name"
    case .list: "List"
    case .tuple: "Tuple"
    case .slice: "Slice"
    case .matchValue: "MatchValue"
    case .matchSingleton: "MatchSingleton"
    case .matchSequence: "MatchSequence"
    case .matchMapping: "MatchMapping"
    case .matchClass: "MatchClass"
    case .matchStar: "MatchStar"
    case .matchAs: "MatchAs"
    case .matchOr: "MatchOr"
    default: nil
    }
  }

  /// The name shown in `parse --tree`: the `ast` class where there is one, else a name of our own.
  public var displayName: String {
    if let astName { return astName }
    switch self {
    case .block: return "Block"
    case .decorator: return "Decorator"
    case .errorStatement: return "ErrorStatement"
    case .errorExpression: return "ErrorExpression"
    case .elseClause: return "ElseClause"
    case .finallyClause: return "FinallyClause"
    case .dottedName: return "DottedName"
    case .typeParameters: return "TypeParams"
    case .argumentList: return "ArgumentList"
    case .dictionaryEntry: return "DictEntry"
    case .formatSpec: return "FormatSpec"
    case .parenthesized: return "Parenthesized"
    case .mappingPatternEntry: return "MappingPatternEntry"
    case .keywordPattern: return "KeywordPattern"
    case .parenthesizedPattern: return "ParenthesizedPattern"
    default: return "\(self)"
    }
  }

  /// Whether this node is a statement (CPython's `ast.stmt` subclasses, and error statements).
  public var isStatement: Bool {
    switch self {
    case .functionDef, .asyncFunctionDef, .classDef, .returnStatement, .deleteStatement, .assignment,
      .augmentedAssignment, .annotatedAssignment, .typeAlias, .forStatement, .asyncForStatement,
      .whileStatement, .ifStatement, .withStatement, .asyncWithStatement, .matchStatement, .raiseStatement,
      .tryStatement, .tryStarStatement, .assertStatement, .importStatement, .importFromStatement,
      .globalStatement, .nonlocalStatement, .expressionStatement, .passStatement, .breakStatement,
      .continueStatement, .errorStatement:
      true
    default:
      false
    }
  }
}
