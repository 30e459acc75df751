import PythonSyntax
let tree = SyntaxTree.parse(SourceBuffer(Array(CommandLine.arguments.count > 1 ? CommandLine.arguments[1].utf8 : "x".utf8)))
print(tree.printed().count)
