"""The classifier's hot modules compiled ahead of time (mypyc), or their Python source.

`make install` (pip install -e) compiles COMPILED with mypyc into C extensions beside the
sources (setup.py); Python then imports an extension in place of its .py. The sources stay the
code: the extensions are built from them unchanged and give the same results
(tests/classify/test_classify_native.py).

The source is loaded instead, for every module of COMPILED at once (compiled modules call each
other's native classes directly, so the two kinds do not mix), when
- FUTUREWATCH_PURE_PYTHON is set (to anything but "" or "0"),
- an extension is missing (not built: a clone without `make install`, or FUTUREWATCH_PURE_PYTHON
  set at install), or
- a source is newer than its extension (edited or checked out since the build): then with a
  warning to run `make install` again.
`install()` (called by classify/__init__.py before any of them is imported) puts the finder that
does this first on sys.meta_path; `kind()` says which one was chosen."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path

COMPILED = ("classify.scan", "classify.matcher", "classify.tracks", "classify.focus", "classify.focus_signals",
            "classify.entities", "classify.classifier")
ROOT = Path(__file__).resolve().parents[1]
PURE_ENV = "FUTUREWATCH_PURE_PYTHON"
GROUP = "classify_native"   # the compiled code is in one shared library, ROOT/classify_native__mypyc*.so;
                            # each module's own extension is a small stub that loads its part of it


def source_path(name: str) -> Path:
    return ROOT.joinpath(*name.split(".")).with_suffix(".py")


def extension_path(source: Path) -> Path | None:
    """The compiled extension of the module whose source is `source`, if there is one."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = source.with_suffix(suffix)
        if path.exists():
            return path
    return None


def pure_requested() -> bool:
    """Is FUTUREWATCH_PURE_PYTHON set (to anything but "" or "0")?"""
    return os.environ.get(PURE_ENV, "") not in ("", "0")


def _choose() -> str:
    if pure_requested():
        return "pure"
    library = extension_path(ROOT / f"{GROUP}__mypyc.py")
    if library is None or not all(extension_path(source_path(name)) for name in COMPILED):
        return "pure"
    built = library.stat().st_mtime
    stale = [name for name in COMPILED if source_path(name).stat().st_mtime > built]
    if stale:
        warnings.warn(f"{', '.join(stale)}: source newer than its compiled extension, using the sources "
                      f"(run `make install` to compile them again)", stacklevel=3)
        return "pure"
    return "compiled"


class _SourceFinder:
    """Finds COMPILED's modules as their .py files (a meta path finder ahead of the default one)."""

    @staticmethod
    def find_spec(fullname, path=None, target=None):
        if fullname in COMPILED:
            return importlib.util.spec_from_file_location(fullname, source_path(fullname))
        return None


_chosen: str | None = None


def install() -> str:
    """Choose compiled or pure once per process (before the first import of COMPILED's modules)."""
    global _chosen
    if _chosen is None:
        _chosen = _choose()
        if _chosen == "pure":
            sys.meta_path.insert(0, _SourceFinder())
    return _chosen


def kind() -> dict[str, str]:
    """For each module of COMPILED that is imported: "compiled" or "pure"."""
    out = {}
    for name in COMPILED:
        module = sys.modules.get(name)
        if module is not None:
            out[name] = "pure" if str(module.__file__).endswith(".py") else "compiled"
    return out
