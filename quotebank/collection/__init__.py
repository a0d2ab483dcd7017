"""The collection layer: quotes of many articles, kept, searched and grouped.

- :mod:`quotebank.collection.bank`: :class:`~quotebank.QuoteBank`, in memory or in an SQLite file
  (:mod:`quotebank.collection.store`);
- :mod:`quotebank.collection.registry`: the speakers of many articles that are one person;
- :mod:`quotebank.collection.clusters`: the same quotation reported by several outlets;
- :mod:`quotebank.collection.filters`: what a search means, the same on a bank and on a quote list.
"""
