"""Score reported speech (quotes without quotation marks) with the reference scorer, on a file and in
cross-validation.

    python -m evaluation.reported ../shared/eval/polnear.indirect.dev.jsonl [--errors] [--limit N]
    python -m evaluation.reported ../shared/eval/polnear.indirect.train.jsonl \\
        ../shared/eval/polnear.indirect.dev.jsonl --folds 5

Each article goes through :func:`quotebank.extract` with ``reported=True``; its reported statements and its
direct quotations are submitted together (the gold files list direct quotations among the spans to
ignore). With ``--folds K`` the articles of every file given are split into K folds by a hash of their id
and each fold is scored on its own: quotebank's rules are not fitted to data, so each fold is a held-out
sample, and the spread across folds says how far the figure on one file can be trusted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import quotebank
from evaluation.run import (
    context,
    ignored_spans,
    in_scope,
    load_scorer,
    prediction_record,
    read_jsonl,
)
from quotebank.values import Quote, QuoteKind

__all__ = ["fold_of", "main", "predict_reported", "score_articles"]

_REPORTED_KINDS = (QuoteKind.REPORTED, QuoteKind.INTERVIEW)
_DOUBLE_MARKS = ('"', "“", "”", "«", "»", "„", "‟", "''")


def fold_of(article_id: str, folds: int) -> int:
    """The fold of an article: a hash of its id, the same on every machine and every run."""
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % folds


def predict_reported(article: dict[str, Any]) -> tuple[list[Quote], float]:
    """The quotes of one gold article that are submitted (reported and double-quoted), and the seconds."""
    began = time.process_time()
    quotes = quotebank.extract(
        article["text"], outlet=article.get("outlet"), published=article.get("date"), reported=True
    )
    took = time.process_time() - began
    return [q for q in quotes if _submitted(q)], took


def _submitted(quote: Quote) -> bool:
    """Whether the corpus annotates quotes like this one: a double-quoted span, or a reported statement
    that holds no quotation (the corpus files a clause with a quotation in it among the direct ones)."""
    if quote.kind in _REPORTED_KINDS:
        return not any(mark in quote.text for mark in _DOUBLE_MARKS)
    return in_scope(quote)


def score_articles(
    scorer: Any, articles: Iterable[dict[str, Any]], predicted: dict[str, list[Quote]]
) -> dict[str, Any]:
    """The reference scorer's result for these articles."""
    gold = {str(a["id"]): a for a in articles}
    records = {key: {"id": key, "quotes": [prediction_record(q) for q in predicted[key]]} for key in gold}
    result, _per_article = scorer.score(gold, records)
    return dict(result)


def _misses(scorer: Any, article: dict[str, Any], quotes: list[Quote]) -> list[tuple[str, str]]:
    """(class, context) for each gold statement missed or misattributed, and each extra reported one."""
    text = article["text"]
    norm = scorer.norm_span
    ignored = ignored_spans(scorer, article)
    preds = [(norm(text, q.start, q.end), q) for q in quotes]
    used: set[int] = set()
    found = []
    for gold in article.get("quotes") or []:
        span = norm(text, gold["start"], gold["end"])
        match = next((i for i, (p, _q) in enumerate(preds) if scorer.big_overlap(span, p)), None)
        where = context(text, gold["start"], gold["end"])
        if match is None:
            cue = (gold.get("cue") or "").lower()
            found.append((f"missed ({cue})", where))
            continue
        used.add(match)
        quote = preds[match][1]
        if scorer.speaker_right(gold, prediction_record(quote)) is False:
            got = quote.mention.text if quote.mention else None
            found.append(("wrong speaker", f"{where}\n      gold: {gold.get('mention')!r} got: {got!r}"))
    for i, (span, quote) in enumerate(preds):
        if i in used or any(scorer.big_overlap(span, x) for x in ignored):
            continue
        cue = quote.cue.text.lower() if quote.cue else ""
        found.append((f"extra ({quote.kind.value})", f"{context(text, quote.start, quote.end)}  cue={cue!r}"))
    return found


def _line(name: str, result: dict[str, Any]) -> str:
    e2e = result["e2e"]
    return (
        f"{name:10s} e2e P {e2e['p']:.3f} R {e2e['r']:.3f} F1 {e2e['f1']:.3f}  "
        f"span-overlap F1 {result['span_overlap']['f1']:.3f}  speaker accuracy {result['speaker_acc']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.reported", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("gold", type=Path, nargs="+", help="annotated articles (JSONL) beside score.py")
    parser.add_argument("--folds", type=int, default=0, help="score K folds by article (cross-validation)")
    parser.add_argument("--errors", action="store_true", help="list every miss, grouped by class")
    parser.add_argument("--limit", type=int, help="only the first N articles of each file")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object last")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.gold[0].parent)
    articles = [article for path in args.gold for article in list(read_jsonl(path))[: args.limit]]
    predicted: dict[str, list[Quote]] = {}
    seconds = characters = 0.0
    misses: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        quotes, took = predict_reported(article)
        predicted[str(article["id"])] = quotes
        seconds += took
        characters += len(article["text"])
        if args.errors:
            for kind, where in _misses(scorer, article, quotes):
                misses[kind].append(f"[{article['id']}] {where}")
    if args.errors:
        for kind in sorted(misses, key=lambda k: -len(misses[k])):
            print(f"\n## {kind} ({len(misses[kind])})")
            for item in misses[kind]:
                print(f"  - {item}")
        print()
    scores: dict[str, Any] = {"all": score_articles(scorer, articles, predicted)}
    print(scorer.fmt_table(scores["all"], f"quotebank {quotebank.__version__}, reported speech"))
    if args.folds > 1:
        for fold in range(args.folds):
            chosen = [a for a in articles if fold_of(str(a["id"]), args.folds) == fold]
            scores[f"fold {fold}"] = score_articles(scorer, chosen, predicted)
            print(_line(f"fold {fold}", scores[f"fold {fold}"]))
        f1s = [scores[f"fold {fold}"]["e2e"]["f1"] for fold in range(args.folds)]
        print(f"cross-validation: mean e2e F1 {sum(f1s) / len(f1s):.3f}, lowest {min(f1s):.3f}")
    speed = characters / max(seconds, 1e-9)
    print(f"speed: {speed:,.0f} characters per CPU second over {len(articles)} articles")
    if args.json:
        print(json.dumps(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
