"""futurewatch.core.forkpool through real forked processes: results in worker order, one progress
count, a worker's exception or death as one WorkerFailed line, and the other workers still finish."""

from __future__ import annotations

import os
import signal
import time

import pytest

from futurewatch.core.forkpool import WorkerFailed, run_workers


def test_every_worker_result_and_the_final_progress():
    items = list(range(1, 101))
    seen = []

    def work(k, advance):
        mine = items[k::3]
        for _ in mine:
            advance(1)
        return os.getpid(), sum(mine)

    results = run_workers(work, 3, len(items), lambda done, total: seen.append((done, total)))
    assert [total for _, total in results] == [sum(items[k::3]) for k in range(3)]
    assert sum(total for _, total in results) == sum(items)
    assert len({pid for pid, _ in results} | {os.getpid()}) == 4   # three processes, none of them this one
    assert seen[-1] == (100, 100) and all(total == 100 for _, total in seen)


def test_a_worker_exception_is_one_line_after_the_others_finish(tmp_path):
    def work(k, advance):
        if k == 1:
            raise ValueError("bad row\n  in batch 7\t(of 9)")
        time.sleep(0.3)
        (tmp_path / f"done{k}").touch()
        return k

    with pytest.raises(WorkerFailed) as failed:
        run_workers(work, 3, 0)
    assert str(failed.value) == "ValueError: bad row in batch 7 (of 9)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done0", "done2"]


def test_a_long_message_is_cut():
    def work(k, advance):
        raise RuntimeError("x" * 1000)

    with pytest.raises(WorkerFailed) as failed:
        run_workers(work, 2, 0)
    assert len(str(failed.value)) == 300 and "\n" not in str(failed.value)


@pytest.mark.parametrize("die, expected", [
    (lambda: os._exit(9), "a worker stopped with exit code 9"),
    (lambda: os.kill(os.getpid(), signal.SIGKILL), f"a worker stopped with exit code -{int(signal.SIGKILL)} "
                                                   f"(killed by signal {int(signal.SIGKILL)})"),
])
def test_a_worker_that_dies_without_a_result_names_its_exit_code(die, expected, tmp_path):
    def work(k, advance):
        if k == 0:
            die()
        time.sleep(0.3)
        (tmp_path / f"done{k}").touch()
        return k

    with pytest.raises(WorkerFailed) as failed:
        run_workers(work, 2, 0)
    assert str(failed.value) == expected
    assert [p.name for p in tmp_path.iterdir()] == ["done1"]
