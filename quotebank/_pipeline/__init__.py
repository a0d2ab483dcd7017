"""The extraction pipeline (private): article text in, :class:`~quotebank.values.Quote` objects out.

The stages, in the order :mod:`quotebank._pipeline.run` calls them:

- :mod:`~quotebank._pipeline.structure`: text to an :class:`~quotebank.values.Article` (paragraphs, title,
  dateline, outlet, date; with :mod:`~quotebank._pipeline.entities` and :mod:`~quotebank._pipeline.dates`);
- :mod:`~quotebank._pipeline.spans`: the quoted spans of each paragraph;
- :mod:`~quotebank._pipeline.attribution`: the cue and the speaker phrase of each span (with
  :mod:`~quotebank._pipeline.tokens` and :mod:`~quotebank._pipeline.names`);
- :mod:`~quotebank._pipeline.reported`: statements without quotation marks, when asked for;
- :mod:`~quotebank._pipeline.coreference`: speaker phrases to the speakers of one article;
- :mod:`~quotebank._pipeline.confidence`: how often a quote with the same evidence had the right speaker.

Every word a stage reads comes from the language data (:mod:`~quotebank._pipeline.language`, files under
``quotebank/lang/<code>/``). Nothing here is public API: :func:`quotebank.extract` and
:func:`quotebank.parse_article` are.
"""
