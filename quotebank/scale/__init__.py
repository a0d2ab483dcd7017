"""Many articles on many cores and machines.

- :mod:`quotebank.scale.processes`: :func:`~quotebank.extract_many`, worker processes on one machine;
- :mod:`quotebank.scale.tables`: the quotes of a partition of articles as a typed table, for Dask, Spark and
  pandas (``pip install 'quotebank[dask]'``).
"""
