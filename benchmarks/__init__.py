"""Benchmarks and hostile inputs, run by hand rather than as timed unit tests.

``python -m benchmarks.speed`` measures throughput and memory; ``python -m benchmarks.adversarial`` times
the hostile texts that ``tests/test_adversarial.py`` checks at small sizes.
"""
