"""Evaluation of quotebank on annotated news articles: ``python -m evaluation GOLD.jsonl [--errors]``."""
