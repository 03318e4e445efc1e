"""Benchmarks: ``make bench`` measures this machine in one run and rewrites ``docs/benchmarks.md``.

Each benchmark is a ``Benchmark`` (a title, a sentence on why it matters, and a function returning ``Row``s);
``embrace.bench.__main__.BENCHMARKS`` lists them in the order they appear in the report. To add one (say HTTP
page sizes or submissions per second against gunicorn), write a function that returns rows and append a
``Benchmark`` to that list. Figures are reported, never asserted: timing belongs in a report, not in a test.
"""
