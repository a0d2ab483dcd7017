"""Input and output of quotes: files, tables and notebook display.

- :mod:`quotebank.io.export`: JSON Lines and CSV, written and read back;
- :mod:`quotebank.io.display`: the HTML tables a notebook shows;
- :mod:`quotebank.io.parquet`: Parquet files for DuckDB, Polars and Spark (``pip install
'quotebank[parquet]'``).
"""
