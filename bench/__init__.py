"""Benchmarks of the generator and the generated client against the alternatives.

`make bench` (`python -m bench.run`) installs the comparison packages into their own
virtual environments under `bench/`, measures each row in the same run as its
alternative, and writes BENCHMARKS.md with a plot of generation time against spec
size. `python -m bench.run --quick` runs every script on tiny inputs, measuring this
project's side only, so that the tests can run it without installing anything.
"""
