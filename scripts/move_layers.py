"""Move the code into its layers: core ← stages ← app (docs/architecture.md, "Layers").

    python scripts/move_layers.py [--dry-run]      (from the repository root, on a clean tree)

core    futurewatch/core/   config, db, rawstore, text normalisation, term matcher, query grammar,
                            source registry, taxonomy file, sender, …
stages  crawlers/ parsers/ classify/ search/ alerts/
app     futurewatch/app/    cli, commands, cycle, schedule, health, ops notices, …
dags    dags/               DAG files and their wiring (dags.dag_support); Airflow is imported here only

Idempotent: it moves only what is still in its old place (`git mv`), then rewrites every
reference to an old module or path in the tracked text files (imports, function-level ones too,
dotted names, paths, `"a" / "b"` path segments, the pyproject entry point), fixes the
`Path(__file__)` walks up to the repository root in moved files, and adds what the new layout
needs (package __init__ files, pyproject's package list, dags/.airflowignore).
Run it again on a tree that gained old-style code from a merge: it moves and rewrites only that.
Test: tests/architecture/test_layers.py (reads MOVES to place old names in their layer).
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (old path, new path), files or folders; a file leaves its folder before the folder moves.
MOVES: list[tuple[str, str]] = [
    # core: what every stage builds on
    *[(f"futurewatch/{name}.py", f"futurewatch/core/{name}.py") for name in (
        "config", "db", "embedded", "migrate", "schema", "locks", "rawstore", "textnorm", "termmatch",
        "filetypes", "localtime", "private", "lifeline", "stats", "sources", "sender", "staging",
        "querygrammar")],
    ("futurewatch/taxonomy/model.py", "futurewatch/core/taxonomy.py"),
    ("futurewatch/taxonomy/taxonomy.yaml", "futurewatch/core/taxonomy.yaml"),
    ("futurewatch/search/normalize.py", "futurewatch/core/searchtext.py"),
    # app: what wires the stages together
    ("futurewatch/classify/corpus_fetch.py", "futurewatch/app/corpus_fetch.py"),
    *[(f"futurewatch/{name}.py", f"futurewatch/app/{name}.py") for name in (
        "cli", "cycle", "schedule", "crawl_task", "ops_notify", "ops_webhooks", "ops_messages", "helptext",
        "airflow_local", "logsetup", "progress", "tables")],
    ("futurewatch/commands", "futurewatch/app/commands"),
    ("futurewatch/health", "futurewatch/app/health"),
    # stages out of futurewatch/
    ("futurewatch/classify", "classify"),
    ("futurewatch/taxonomy/loader.py", "classify/taxonomy.py"),
    ("futurewatch/search", "search"),
    # DAG wiring next to the DAGs
    ("futurewatch/dag_support.py", "dags/dag_support.py"),
]
REMOVED = ["futurewatch/taxonomy/__init__.py"]  # its modules went to core and to classify
NEW_PACKAGES = {
    "futurewatch/core/__init__.py": '"""The core every stage builds on: settings, database, raw store, text, registry, sender."""\n',
    "futurewatch/app/__init__.py": '"""The app: the `futurewatch` command, the one-cycle runner, health and ops notices."""\n',
    "dags/__init__.py": '"""The Airflow DAGs (wiring only) and their shared support, dags.dag_support."""\n',
}
PACKAGES = ["classify*", "search*", "dags*"]  # installed, so DAG files import dags.dag_support anywhere
AIRFLOW_IGNORE = "dag_support.py\n"
TEXT_SUFFIXES = {".py", ".md", ".toml", ".yaml", ".yml", ".sh", ".cfg", ".ini", ".j2", ".example", ".txt"}
TEXT_NAMES = {"Makefile", "Dockerfile", ".airflowignore", ".env.example"}
SKIP_DIRS = ("sql/", "crawlers/mirror/seeds/", "crawlers/mirror/captures/")  # data, not code
FIXTURES = "tests/fixtures/"  # data, except the READMEs and scripts that name our modules


def module_of(path: str) -> str:
    """futurewatch/cycle.py → futurewatch.cycle; futurewatch/commands → futurewatch.commands."""
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def module_moves() -> dict[str, str]:
    """Old dotted module (or package) → new one, for the Python modules among MOVES."""
    return {module_of(old): module_of(new) for old, new in MOVES if not old.endswith((".yaml", ".yml"))}


def new_module(name: str, moves: dict[str, str]) -> str:
    """The new dotted name of `name` (a module, a package or something inside one); unchanged if it did not move."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        head = ".".join(parts[:cut])
        if head in moves:
            return ".".join([moves[head], *parts[cut:]])
    return name


def git(*args: str, check: bool = True) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=check, capture_output=True, text=True).stdout


def tracked_files() -> list[str]:
    return [f for f in git("ls-files").splitlines() if (ROOT / f).is_file()]


# --- 1. moves --------------------------------------------------------------------------------

def move_files(dry: bool) -> list[tuple[str, str]]:
    """Move what is still in its old place; the (old, new) path of every file moved."""
    files: list[tuple[str, str]] = []
    for old, new in MOVES:
        src = ROOT / old
        if src.is_file():
            pairs = [(old, new)]
        elif src.is_dir():
            pairs = [(f, new + f[len(old):]) for f in git("ls-files", old).splitlines()]
        else:
            continue
        for a, b in pairs:
            if (ROOT / b).exists():
                raise SystemExit(f"move_layers: both {a} and {b} exist; merge them by hand, then rerun")
        files += pairs
        if dry:
            continue
        for a, b in pairs:
            (ROOT / b).parent.mkdir(parents=True, exist_ok=True)
            git("mv", a, b)
    for path in REMOVED:
        if (ROOT / path).exists() and not dry:
            git("rm", "-q", path)
    for path, text in NEW_PACKAGES.items():
        if not (ROOT / path).exists() and not dry:
            (ROOT / path).parent.mkdir(parents=True, exist_ok=True)
            (ROOT / path).write_text(text, encoding="utf-8")
            git("add", path)
    if not dry:
        for folder in sorted({old for old, _ in MOVES if not old.endswith(".py")} | {"futurewatch/taxonomy"},
                             reverse=True):
            remove_empty(ROOT / folder)
    return files


def remove_empty(folder: Path) -> None:
    """Drop a moved-out folder that holds nothing tracked any more (caches and empty folders only)."""
    if not folder.is_dir() or git("ls-files", str(folder.relative_to(ROOT))).strip():
        return
    for cache in list(folder.rglob("__pycache__")):
        for f in cache.iterdir():
            f.unlink()
        cache.rmdir()
    for sub in sorted((d for d in folder.rglob("*") if d.is_dir()), key=lambda d: len(d.parts), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()


# --- 2. imports (AST: `from package import module` forms need the names looked at) ------------

def rewrite_imports(text: str, moves: dict[str, str]) -> str:
    """`from P import m` where P stays but P.m moved (`from futurewatch import sender`) → its new home.
    Everything else (`from futurewatch.cycle import …`, dotted names) is left to the text pass."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    lines = text.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ImportFrom) and node.module and node.level == 0) \
                or new_module(node.module, moves) != node.module:
            continue
        groups: dict[str, list[str]] = {}
        for alias in node.names:
            target = new_module(f"{node.module}.{alias.name}", moves)
            parent, _, name = target.rpartition(".") if target != f"{node.module}.{alias.name}" \
                else (node.module, ".", alias.name)
            groups.setdefault(parent, []).append(name + (f" as {alias.asname}" if alias.asname else ""))
        if list(groups) == [node.module]:
            continue
        indent = re.match(r"[ \t]*", lines[node.lineno - 1]).group(0)
        statements = [f"{indent}from {parent} import {', '.join(names)}" if parent
                      else f"{indent}import {', '.join(names)}" for parent, names in groups.items()]
        edits.append((node.lineno, node.end_lineno, "\n".join(statements) + "\n"))
    for start, end, new in sorted(edits, reverse=True):
        lines[start - 1:end] = [new]
    return "".join(lines)


# --- 3. text: dotted names, paths, path segments -------------------------------------------------

def text_patterns() -> tuple[re.Pattern, dict[str, str]]:
    table: dict[str, str] = {}
    for old, new in MOVES:
        table[old] = new  # paths as written: futurewatch/cycle.py, futurewatch/commands
        if not old.endswith((".yaml", ".yml")):
            table[module_of(old)] = module_of(new)  # dotted: futurewatch.cycle
    for old in REMOVED:
        table.pop(module_of(old), None)
    alternatives = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w./])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w])")
    return pattern, table


def rewrite_text(text: str, pattern: re.Pattern, table: dict[str, str]) -> str:
    text = pattern.sub(lambda match: table[match.group(1)], text)
    return rewrite_segments(text, table)


SEGMENTS = re.compile(r'"[\w.\-]+"(?:\s*/\s*"[\w.\-]+")+')


def rewrite_segments(text: str, table: dict[str, str]) -> str:
    """ROOT / "futurewatch" / "airflow_local.py" → ROOT / "futurewatch" / "app" / "airflow_local.py"."""
    def replace(match: re.Match) -> str:
        parts = re.findall(r'"([\w.\-]+)"', match.group(0))
        joined = "/".join(parts)
        for old in sorted((k for k in table if "/" in k or k.endswith(".py")), key=len, reverse=True):
            if joined == old or joined.startswith(old + "/"):
                new = table[old] + joined[len(old):]
                return " / ".join(f'"{p}"' for p in new.split("/"))
        return match.group(0)

    return SEGMENTS.sub(replace, text)


# --- 4. Path(__file__) walks up to the repository root ----------------------------------------------

WALK = re.compile(r"Path\(__file__\)\.resolve\(\)(\.parents\[(\d+)\]|(?:\.parent)+(?!s))")


def fix_root_walks(text: str, old: str, new: str) -> str:
    """A moved file that walked up to the repository root must walk as many levels as its new depth."""
    old_depth, new_depth = old.count("/"), new.count("/")

    def replace(match: re.Match) -> str:
        levels = int(match.group(2)) + 1 if match.group(2) else match.group(1).count(".parent")
        if levels < old_depth + 1:  # inside the moved package: moves with it
            return match.group(0)
        levels += new_depth - old_depth
        return f"Path(__file__).resolve().parents[{levels - 1}]"

    return WALK.sub(replace, text)


# --- 5. configuration the layout needs -----------------------------------------------------------

def fix_pyproject(text: str) -> str:
    match = re.search(r'include = \[([^\]]*)\]', text)
    if match:
        names = [n.strip().strip('"') for n in match.group(1).split(",") if n.strip()]
        names += [p for p in PACKAGES if p not in names]
        text = text.replace(match.group(0), "include = [" + ", ".join(f'"{n}"' for n in names) + "]")
    return text


def is_text(path: str) -> bool:
    name = Path(path).name
    if path.startswith(FIXTURES) and Path(path).suffix not in (".md", ".py"):
        return False
    return (Path(path).suffix in TEXT_SUFFIXES or name in TEXT_NAMES) and not path.startswith(SKIP_DIRS) \
        and name != "move_layers.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="list the moves, change nothing")
    args = parser.parse_args(argv)
    moved = move_files(args.dry_run)
    for old, new in moved:
        print(f"move {old} → {new}")
    if args.dry_run:
        return 0
    moves, (pattern, table) = module_moves(), text_patterns()
    old_of = {new: old for old, new in moved}  # moved in this run only: a rerun never walks twice
    changed = 0
    for path in sorted(set(tracked_files()) | set(NEW_PACKAGES)):
        if not is_text(path) or not (ROOT / path).is_file():
            continue
        original = text = (ROOT / path).read_text(encoding="utf-8")
        if path.endswith(".py"):
            text = rewrite_imports(text, moves)
            if path in old_of:
                text = fix_root_walks(text, old_of[path], path)
        text = rewrite_text(text, pattern, table)
        if path == "pyproject.toml":
            text = fix_pyproject(text)
        if text != original:
            (ROOT / path).write_text(text, encoding="utf-8")
            changed += 1
    ignore = ROOT / "dags" / ".airflowignore"
    if (ROOT / "dags" / "dag_support.py").exists() and AIRFLOW_IGNORE not in (
            ignore.read_text(encoding="utf-8") if ignore.exists() else ""):
        ignore.write_text((ignore.read_text(encoding="utf-8") if ignore.exists() else "") + AIRFLOW_IGNORE,
                          encoding="utf-8")
        git("add", "dags/.airflowignore")
    print(f"move_layers: {len(moved)} move(s), {changed} file(s) rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
