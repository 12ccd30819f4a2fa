"""Run every benchmark in turn: `python -m bench [NAME …] [-- extra args]`.

Each bench/<name>.py prints its own markdown results; the figures quoted in
docs/performance.md come from these runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ORDER = ["load_search", "load_steps", "index_keys", "crawl", "parse", "process", "parsers_quality", "policy", "classify",
         "reclassify", "alerts"]


def main(argv: list[str]) -> int:
    split = argv.index("--") if "--" in argv else len(argv)
    names, extra = argv[:split], argv[split + 1 :]
    here = Path(__file__).parent
    chosen = names or [n for n in ORDER if (here / f"{n}.py").exists()]
    failed = []
    for name in chosen:
        print(f"\n## bench.{name}\n", flush=True)
        if subprocess.call([sys.executable, "-m", f"bench.{name}", *extra]) != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
