"""The `futurewatch` command. Each area registers its commands from futurewatch/app/commands/."""

from __future__ import annotations

import sys

import typer

from futurewatch.app import commands
from futurewatch.app.commands import alerts, classify, crawl, db, process, run, search
from futurewatch.core.config import ConfigError
from futurewatch.core.db import DatabaseError
from futurewatch.core.forkpool import WorkerFailed
from futurewatch.app.helptext import quiet_help_types
from futurewatch.app.logsetup import setup_cli_logging
from futurewatch.core.private import use_private_umask

quiet_help_types()

app = typer.Typer(
    help="Watch Chinese news and policy on future industries: crawl, parse, classify, alert.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for area in (db, crawl, process, classify, search, alerts, run):
    area.register(app)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log debug detail.")) -> None:
    setup_cli_logging(verbose)
    commands.start()  # the settings, built once for this command and passed down


def run_cli() -> None:
    """Entry point: known errors become one line on stderr and exit code 2."""
    use_private_umask()  # FUTUREWATCH_HOME files 0600, folders 0700
    try:
        app()
    except (ConfigError, DatabaseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except WorkerFailed as exc:   # a stage's worker process (alert matching, reclassification) failed
        print(f"error: a worker process failed: {exc}; rerun to continue where it stopped", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":   # python -m futurewatch.app.cli, as the `futurewatch` script
    run_cli()
