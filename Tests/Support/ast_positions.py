"""Print the positions CPython's ast gives selected node classes, file by file.

Used by ASTCompatibilityTests (Tests/PythonSyntaxTests/ASTCompatibilityTests.swift), which compares
them with `asyncfix parse --tree --format json` (SyntaxTreeRenderer.json).

    python3.13 ast_positions.py ROOT FILE_LIST OUTPUT CLASSES

ROOT is the directory the paths in FILE_LIST (one per line) are relative to. CLASSES is a
comma-separated list of ast class names, `stmt` for every statement class, or `ALL` for every node
that has a position (except the literal parts and format specs of f-strings, which the concrete
tree does not make nodes of).

OUTPUT gets, for each file in order:

    F <path>                        then one line per node, sorted:
    <Class> <lineno> <col_offset> <end_lineno> <end_col_offset>

or, when CPython rejects the file:

    X <path> <exception class>: <message>

Files are read as bytes and given to ast.parse as bytes, so PEP 263 cookies and BOMs are handled the
way the interpreter handles them.
"""

import ast
import multiprocessing
import os
import sys
import warnings

# t-strings (TemplateStr, Interpolation) exist from Python 3.14 on.
STRING_CLASSES = tuple(getattr(ast, name) for name in ("JoinedStr", "TemplateStr") if hasattr(ast, name))
FIELD_CLASSES = tuple(getattr(ast, name) for name in ("FormattedValue", "Interpolation") if hasattr(ast, name))


def positions(root, relative, wanted):
    """The output block for one file."""
    try:
        with open(os.path.join(root, relative), "rb") as handle:
            source = handle.read()
        tree = ast.parse(source, filename=relative)
    except Exception as error:  # SyntaxError, ValueError (null bytes), UnicodeDecodeError, ...
        message = str(error).replace("\n", " ")
        return f"X {relative} {type(error).__name__}: {message}\n"
    skipped = set()
    if wanted is None:
        for node in ast.walk(tree):
            if isinstance(node, STRING_CLASSES):
                skipped.update(id(value) for value in node.values if isinstance(value, ast.Constant))
            if isinstance(node, FIELD_CLASSES) and node.format_spec is not None:
                skipped.add(id(node.format_spec))
    entries = []
    for node in ast.walk(tree):
        name = type(node).__name__
        if wanted is None:
            if not hasattr(node, "lineno") or id(node) in skipped:
                continue
        elif name not in wanted and not ("stmt" in wanted and isinstance(node, ast.stmt)):
            continue
        entries.append((name, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))
    entries.sort()
    lines = [f"F {relative}\n"]
    lines.extend(f"{name} {a} {b} {c} {d}\n" for name, a, b, c, d in entries)
    return "".join(lines)


def work(arguments):
    # Invalid escapes and the like only warn; the warnings would clutter the test's output.
    warnings.simplefilter("ignore")
    return positions(*arguments)


def main():
    root, file_list, output, classes = sys.argv[1:5]
    with open(file_list, encoding="utf-8") as handle:
        files = [line.rstrip("\n") for line in handle if line.strip()]
    wanted = None if classes == "ALL" else set(classes.split(","))
    jobs = [(root, relative, wanted) for relative in files]
    with multiprocessing.Pool() as pool, open(output, "w", encoding="utf-8") as out:
        for block in pool.imap(work, jobs, chunksize=8):
            out.write(block)


if __name__ == "__main__":
    main()
