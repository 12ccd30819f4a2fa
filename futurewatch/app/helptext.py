"""Help screens without type noise: typer prints `<bool>` after every flag and `<str>` after
every text option; only the informative types (`<int>`, `<path>`, ranges, choices) are kept."""

from __future__ import annotations

from typer.core import TyperArgument, TyperOption

NOISE = {"<bool>", "<str>"}


def _quiet(display):
    def display_type_rich(self, ctx):
        shown = display(self, ctx)
        return None if getattr(self, "is_flag", False) or shown in NOISE else shown

    return display_type_rich


def quiet_help_types() -> None:
    """Patch typer's option and argument classes once (idempotent)."""
    for cls in (TyperOption, TyperArgument):
        if not getattr(cls.display_type_rich, "_futurewatch_quiet", False):
            cls.display_type_rich = _quiet(cls.display_type_rich)
            cls.display_type_rich._futurewatch_quiet = True
