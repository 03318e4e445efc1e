"""The benchmark report: a partial run (``--only … --update``) replaces its own sections and says so."""

from __future__ import annotations

from embrace.bench.harness import Benchmark, Result, Row, render, update

FACTS = {"date": "2026-12-01 10:00 UTC", "load average at start (1, 5, 15 min)": "0.10, 0.20, 0.30"}
LATER = {
    **FACTS,
    "date": "2026-12-05 22:00 UTC",
    "commit": "abc1234",
    "load average at start (1, 5, 15 min)": "1.5",
}


def _bench(name: str) -> Benchmark:
    return Benchmark(name, f"The {name} bench", f"What {name} measures.", lambda: [])


FIRST, SECOND, THIRD = _bench("first"), _bench("second"), _bench("third")
ORDER = [FIRST.title, SECOND.title, THIRD.title]


def _full() -> str:
    return render(
        [Result(FIRST, [Row("speed", 10, "/s")], 1.0), Result(THIRD, [Row("size", 3, "MiB")], 2.0)],
        FACTS,
        3.0,
    )


def test_an_update_with_nothing_new_gives_the_report_back_unchanged() -> None:
    assert update(_full(), [], LATER, ORDER) == _full()


def test_a_partial_run_replaces_its_section_marks_it_and_leaves_the_rest_as_it_was() -> None:
    report = update(_full(), [Result(FIRST, [Row("speed", 42, "/s")], 5.0)], LATER, ORDER)

    first, rest = report.split("## The third bench")
    assert "| speed | 42 | /s |  |" in first
    assert "| speed | 10 |" not in report
    assert "later partial run (`--only first`) at commit abc1234, 2026-12-05 22:00 UTC" in first
    assert "load average at start 1.5" in first
    # The untouched section and the machine table are the full run's, word for word.
    assert "## The third bench" + rest in _full()
    assert "| date | 2026-12-01 10:00 UTC |" in report
    assert report.rstrip().endswith("Whole run: 3 s.")


def test_a_section_the_report_lacked_goes_where_its_benchmark_runs() -> None:
    report = update(_full(), [Result(SECOND, [Row("count", 7, "items")], 1.0)], LATER, ORDER)

    assert (
        report.index("## The first bench")
        < report.index("## The second bench")
        < report.index("## The third bench")
    )
    assert "| count | 7 | items |  |" in report
