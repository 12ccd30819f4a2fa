"""Logging for the command line: one line per record on stderr, each distinct warning once."""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class OnceFilter(logging.Filter):
    """Drops a record whose level, logger and text were already shown in this process."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[int, str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.levelno, record.name, record.getMessage())
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


def setup_cli_logging(verbose: bool) -> None:
    """A stderr handler that shows each distinct warning once. Where logging is already set up
    (the CLI run inside pytest or Airflow), it belongs to the host and is left alone."""
    root = logging.getLogger()
    if root.handlers:
        return
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format=FORMAT)
    for handler in root.handlers:
        handler.addFilter(OnceFilter())
