"""Source health, in one place: one set of thresholds (thresholds.py, documented there), read by
`futurewatch sources` (status.py: a status per source) and the check_source_health DAG (signals.py:
findings and the ops report, mailed through futurewatch.core.sender). parse.py reads parser drift and
not-an-article pages for both.
"""

from futurewatch.app.health.signals import (  # noqa: F401 - the DAG's and tests' entry points
    HealthFinding,
    HealthReport,
    SourceHealthError,
    build_health_message,
    build_health_report,
    check_source_health,
    notify_ops,
    raise_if_flagged,
    render_health_report,
    send_health_report,
)
from futurewatch.app.health.thresholds import HealthThresholds  # noqa: F401
