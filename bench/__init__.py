"""Benchmarks of the generated clients: `python -m bench` (or `python -m bench --quick`).

Every figure is a median over repeated runs, with the variants it is compared against interleaved in
the same run; where interpreter start-up matters each sample comes from a fresh interpreter. The table
is printed and written to `bench/results.md`.
"""
