"""Imports point one way: core ← stages ← app ← dags (docs/architecture.md, "Layers").

Every import in the layered packages is read with ast, function-level ones included, and placed
in a layer by its module name. Old names (before scripts/move_layers.py ran) are placed through
the script's MOVES, so the rule holds before and after the move. Allowed:
- any layer imports a lower one (core 0, stages 1, app 2, dags 3);
- a stage imports itself, never another stage (they meet in PostgreSQL);
- Airflow is imported only in dags/.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGES = ("crawlers", "parsers", "classify", "search", "alerts")
RANKS = {"core": 0, "stage": 1, "app": 2, "dags": 3}


def load_moves():
    spec = importlib.util.spec_from_file_location("move_layers", ROOT / "scripts" / "move_layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MOVER = load_moves()
MOVES = MOVER.module_moves()


def place(module: str) -> tuple[str, str] | None:
    """(layer, group) of one of our modules, None for the standard library and third parties."""
    name = MOVER.new_module(module, MOVES)
    top = name.split(".")[0]
    if name == "futurewatch" or name.startswith("futurewatch.core"):
        return "core", "core"
    if name.startswith("futurewatch.app"):
        return "app", "app"
    if top == "futurewatch":
        return "unplaced", name
    if top in STAGES:
        return "stage", top
    if top == "dags":
        return "dags", "dags"
    return None


def source_files() -> list[Path]:
    removed = {ROOT / path for path in MOVER.REMOVED}
    files = [p for top in ("futurewatch", *STAGES, "dags") for p in sorted((ROOT / top).rglob("*.py"))]
    return [p for p in files if p not in removed and "__pycache__" not in p.parts]


def module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import, at any depth; `from P import m` counts P.m when m is a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names
                      if MOVER.new_module(f"{node.module}.{alias.name}", MOVES) != f"{node.module}.{alias.name}"]
    return found


def wrong_way(path: Path, root: Path = ROOT) -> list[str]:
    here = place(module_name(path, root))
    problems = []
    if here is None or here[0] == "unplaced":
        return [f"{path.relative_to(root)}: not in a layer (add it to scripts/move_layers.py MOVES)"]
    for line, target in imports(path):
        where = f"{path.relative_to(root)}:{line} ({here[0]} {here[1]}) imports {target}"
        if target.split(".")[0] == "airflow":
            if here[0] != "dags":
                problems.append(f"{where}: Airflow belongs in dags/")
            continue
        there = place(target)
        if there is None:
            continue
        if there[0] == "unplaced":
            problems.append(f"{where}: a module in no layer")
        elif RANKS[there[0]] > RANKS[here[0]]:
            problems.append(f"{where}: {there[0]} is above {here[0]}")
        elif there[0] == here[0] == "stage" and there[1] != here[1]:
            problems.append(f"{where}: a stage never imports another stage")
    return problems


def test_every_import_points_down_the_layers():
    problems = [p for path in source_files() for p in wrong_way(path)]
    assert not problems, "imports against the layers:\n" + "\n".join(problems)


def test_the_rule_catches_each_wrong_way(tmp_path):
    """The checker itself: each kind of wrong-way import is reported, a right-way one is not."""
    samples = {
        "core_to_stage": ("futurewatch/core/x.py", "def f():\n    from alerts.send import deliver_pending\n"),
        "stage_to_stage": ("parsers/x.py", "import crawlers.store\n"),
        "stage_to_app": ("alerts/x.py", "from futurewatch.app.cycle import run_cycle\n"),
        "airflow_in_app": ("futurewatch/app/x.py", "def f():\n    from airflow.sdk import BaseHook\n"),
        "right_way": ("futurewatch/app/y.py", "from alerts.send import deliver_pending\nfrom futurewatch.core import db\n"),
    }
    found = {}
    for key, (rel, code) in samples.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code, encoding="utf-8")
        found[key] = wrong_way(path, tmp_path)
    assert all(found[k] for k in ("core_to_stage", "stage_to_stage", "stage_to_app", "airflow_in_app")), found
    assert found["right_way"] == []

