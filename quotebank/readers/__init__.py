"""Readers: where articles come from before the pipeline reads them.

- :mod:`quotebank.readers.webpages`: a web page's HTML (or its address) to an article, with trafilatura and
  htmldate (``pip install 'quotebank[html]'``);
- :mod:`quotebank.readers.warc`: the pages of a crawl archive (``pip install 'quotebank[warc]'``);
- :mod:`quotebank.readers.files`: files, folders and JSON Lines records, as the command line reads them.
"""
