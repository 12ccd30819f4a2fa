"""The per-track chart: articles per local day over the last 14 or 30 days, one line per track of
the subscriber's view (the six busiest), with dates, a title, a legend and units; and the same
numbers as a table (the chart's text alternative, also in the plain-text part).

Counts are stories (reprints count once) by published time, else first-seen time, among the
labels of the newest taxonomy that classified each version. Drawn with matplotlib's Agg canvas;
Chinese labels need a CJK font (fonts-noto-cjk): without one the chart is labelled in English.
"""

from __future__ import annotations

import io
from datetime import datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from alerts.labels import VIEW_NAMES, text_for, track_name

MAX_TRACKS = 6
COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b")

TRACK_COUNTS_SQL = """
SELECT (coalesce(v.published_at, d.first_seen_at) AT TIME ZONE %(tz)s)::date AS day, track.parent,
       count(DISTINCT coalesce('s' || d.story_id, 'd' || d.document_id)) AS n
FROM documents d
JOIN document_versions v ON v.version_id = d.current_version_id
JOIN v_current_classifications c ON c.version_id = v.version_id
JOIN categories cat ON cat.taxonomy_version_id = c.taxonomy_version_id AND cat.code = c.code
CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE jsonb_typeof(cat.views -> %(view)s) WHEN 'array' THEN cat.views -> %(view)s
                                            WHEN 'string' THEN jsonb_build_array(cat.views -> %(view)s)
                                            ELSE '[]'::jsonb END) AS track(parent)
WHERE coalesce(v.published_at, d.first_seen_at) >= %(since)s AND coalesce(v.published_at, d.first_seen_at) < %(until)s
GROUP BY 1, 2
"""


def select_track_counts(conn, view: str, tz: ZoneInfo, end: datetime, days: int) -> dict:
    """{"days": [date…], "tracks": [(parent, [count per day])…]} for the `days` local days up to `end`,
    the last being the day of the period's last instant (a daily digest ending at midnight ends with
    the day before, not with the day the run falls in). Only what was published before `end` counts:
    an item dated after it (an immediate digest's period ends mid-day) is not in the last day."""
    last = (end - timedelta(microseconds=1)).astimezone(tz).date()
    first = last - timedelta(days=days - 1)
    since = datetime.combine(first, time(0), tzinfo=tz)
    rows = conn.execute(TRACK_COUNTS_SQL, {"tz": tz.key, "view": view, "since": since, "until": end})
    day_list = [first + timedelta(days=i) for i in range(days)]
    series: dict[str, list[int]] = {}
    for row in rows.fetchall():
        series.setdefault(row["parent"], [0] * days)[(row["day"] - first).days] = row["n"]
    busiest = sorted(series.items(), key=lambda kv: (-sum(kv[1]), kv[0]))[:MAX_TRACKS]
    return {"days": day_list, "tracks": busiest}


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """A Simplified-Chinese font for the chart; fonts installed after matplotlib built its font
    cache are added from the system font folders."""
    from matplotlib import font_manager

    def known() -> str | None:
        return next((f.name for f in font_manager.fontManager.ttflist
                     if "CJK SC" in f.name or "WenQuanYi" in f.name), None)

    if known() is None:
        for path in font_manager.findSystemFonts():
            if "SansCJK" in Path(path).name or "wqy" in Path(path).name.lower():
                font_manager.fontManager.addfont(path)
    return known()


def chart_context(counts: dict, view: str, language: str) -> dict | None:
    """Title, alt text and table rows of the chart; None when there is nothing to draw."""
    if not counts["tracks"]:
        return None
    words = text_for(language)
    days = counts["days"]
    view_name = VIEW_NAMES.get(language, VIEW_NAMES["zh"]).get(view, view)
    if language == "en":
        title = f"{words['chart']} ({view_name} view), {days[0]:%m-%d} – {days[-1]:%m-%d}"
    else:
        title = f"{words['chart']}（{view_name}视图，{days[0]:%m-%d} 至 {days[-1]:%m-%d}，单位：{words['per_day']}）"
    rows = [{"track": track_name(parent, language), "counts": values, "total": sum(values)}
            for parent, values in counts["tracks"]]
    alt = title + "：" + "；".join(f"{r['track']} {r['total']}" for r in rows) if language != "en" else \
        title + ": " + "; ".join(f"{r['track']} {r['total']} in total" for r in rows)
    return {"title": title, "alt": alt, "days": [f"{d:%m-%d}" for d in days], "rows": rows,
            "unit": words["per_day"], "cid": "tracks@futurewatch"}


def render_track_chart(chart: dict, counts: dict, view: str) -> bytes:
    """A line chart (PNG) of the counts: dated x axis, units on y, legend below. Subscribers with the
    same view, language and period share one drawing (about 0.15 s each)."""
    font = cjk_font()
    names = tuple(r["track"] for r in chart["rows"]) if font else \
        tuple(track_name(parent, "en") for parent, _ in counts["tracks"])
    title = chart["title"] if font else f"Articles per day by track ({view} view)"
    series = tuple(tuple(values) for _, values in counts["tracks"])
    return _draw(title, tuple(chart["days"]), names, series, chart["unit"] if font else "articles/day", font)


@lru_cache(maxsize=32)
def _draw(title: str, days: tuple[str, ...], names: tuple[str, ...], series: tuple[tuple[int, ...], ...],
          unit: str, font: str | None) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5.6, 3.7), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.1, 0.34, 0.86, 0.56))
    x = list(range(len(days)))
    for i, (label, values) in enumerate(zip(names, series)):
        ax.plot(x, values, marker="o", markersize=3, linewidth=1.6, color=COLORS[i % len(COLORS)], label=label)
    step = max(1, -(-len(x) // 5))
    ax.set_xticks(x[::step], days[::step])
    ax.set_ylabel(unit, fontsize=9, fontfamily=font or "DejaVu Sans")
    ax.set_ylim(bottom=0)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(labelsize=9)
    ax.grid(axis="y", color="#e5e7eb", linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=9.5, fontfamily=font or "DejaVu Sans", loc="left")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False,
              prop={"family": font or "DejaVu Sans", "size": 9})
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
