"""Run quotebank on annotated articles, score it with the reference scorer, and explain the misses.

    python -m evaluation ../shared/eval/polnear.dev.jsonl [--errors] [--pred out.jsonl] [--limit N]

The gold file's folder must hold ``score.py``, the reference scorer, which is imported from there (it is
never copied into this repository). Each article is passed to :func:`quotebank.extract` with the file's
outlet and date. ``--errors`` lists every miss with its context, grouped by class.

The annotated corpus covers quotations between double quotation marks only (its README: "a gold quote is
the content between a pair of double quotation marks"), and since version 2 that includes the doubled
apostrophes of the New York Times archive (''like this''). Spans set off by single quotes are outside its
annotation, so they are not submitted. quotebank itself reports them all.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import quotebank
from quotebank.model import Quote

__all__ = ["classify_misses", "in_scope", "load_scorer", "main", "predict", "prediction_record"]

_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "their", "its"]
)
_RELATIVE = ("who ", "which ", "whose ")
_DESCRIPTIVE_START = ("a ", "an ", "the ", "one ", "another ", "some ", "many ", "two ", "three ")
_ORGANISATION_WORDS = frozenset(
    [
        "campaign",
        "committee",
        "statement",
        "department",
        "agency",
        "ministry",
        "office",
        "house",
        "party",
        "council",
        "network",
        "news",
        "times",
        "post",
        "report",
        "poll",
        "letter",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press",
        "release",
    ]
)
_CONTEXT = 90
# a double quotation-mark character, or two apostrophes standing for one (''like this'')
_DOUBLE_MARKS = frozenset(['"', "“", "”", "«", "»", "„", "‟", "''"])


def load_scorer(folder: Path) -> ModuleType:
    """Import ``score.py`` from the evaluation data folder."""
    path = folder / "score.py"
    spec = importlib.util.spec_from_file_location("quotebank_reference_scorer", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no reference scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def prediction_record(quote: Quote) -> dict[str, Any]:
    """One predicted quote in the scorer's format."""
    mention = quote.mention
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker_name,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "mention": None
        if mention is None
        else {"text": mention.text, "start": mention.start, "end": mention.end},
    }


def in_scope(quote: Quote) -> bool:
    """Whether the corpus annotates quotations like this one: set off by a double quotation mark."""
    return any(mark in _DOUBLE_MARKS for mark in quote.marks)


def predict(articles: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], list[Quote], float]]:
    """(article, its in-scope quotes, seconds taken) for each gold article."""
    for article in articles:
        began = time.perf_counter()
        quotes = quotebank.extract(
            article["text"], outlet=article.get("outlet"), published=article.get("date")
        )
        took = time.perf_counter() - began
        yield article, [quote for quote in quotes if in_scope(quote)], took


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _CONTEXT) : start]
    right = text[end : end + _CONTEXT]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _speaker_class(gold: dict[str, Any], pred: Quote, text: str) -> str:
    """Why a matched quote has the wrong speaker, from what the gold annotation looks like."""
    mention = (gold.get("mention") or gold.get("speaker") or "").strip()
    lowered = mention.lower()
    if pred.mention is None:
        return "no cue found"
    if lowered in _PRONOUNS:
        return "pronoun"
    if gold.get("multi_paragraph") or pred.kind is quotebank.QuoteKind.CONTINUATION:
        return "continuation"
    speaker_start = gold.get("speaker_start")
    if speaker_start is not None:
        between = text[min(speaker_start, gold["end"]) : max(speaker_start, gold["start"])].lower()
        if any(word in between for word in _RELATIVE):
            return "relative clause"
        if pred.mention.start > min(speaker_start, gold["start"]) and pred.mention.end < max(
            speaker_start, gold["start"]
        ):
            return "nested quote"
    if lowered.startswith(_DESCRIPTIVE_START) or "," in mention or " for " in lowered or " of " in lowered:
        return "descriptive source"
    if set(lowered.split()) & _ORGANISATION_WORDS:
        return "organisation"
    return "other named"


def classify_misses(scorer: ModuleType, gold: dict[str, Any], quotes: list[Quote]) -> list[tuple[str, str]]:
    """(class, context) for each gold quote missed or misattributed, and each extra predicted span."""
    text = gold["text"]
    norm = scorer.norm_span
    meta = gold.get("meta") or {}
    ignored = [
        norm(text, s, e)
        for key in ("unattributed_quoted_spans", "single_quoted_spans", "ignore_spans")
        for s, e in meta.get(key) or []
    ]
    preds = [(norm(text, q.start, q.end), q) for q in quotes]
    used: set[int] = set()
    misses = []
    for g in gold.get("quotes") or []:
        gspan = norm(text, g["start"], g["end"])
        best = max(
            ((i, _overlap(gspan, p)) for i, (p, _q) in enumerate(preds) if scorer.big_overlap(gspan, p)),
            key=lambda item: item[1],
            default=None,
        )
        where = _context(text, g["start"], g["end"])
        if best is None:
            misses.append(("missed span", where))
            continue
        index = best[0]
        used.add(index)
        pspan, quote = preds[index]
        if pspan != gspan:
            misses.append(("boundary", f"{where}\n      predicted: {text[pspan[0] : pspan[1]]!r}"))
        if scorer.speaker_right(g, prediction_record(quote)) is False:
            got = quote.mention.text if quote.mention else None
            detail = (
                f"{where}\n      gold: {g.get('mention')!r}  got: {quote.speaker_name!r} (mention {got!r})"
            )
            misses.append(("wrong speaker: " + _speaker_class(g, quote, text), detail))
    for i, (pspan, quote) in enumerate(preds):
        if i in used or pspan[1] <= pspan[0] or any(scorer.big_overlap(pspan, x) for x in ignored):
            continue
        misses.append(("extra span", _context(text, quote.start, quote.end)))
    return misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="annotated articles (JSONL); score.py must sit beside it")
    parser.add_argument("--pred", type=Path, help="also keep the predictions in this file")
    parser.add_argument("--errors", action="store_true", help="list every miss, grouped by class")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object last")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.gold.parent)
    articles = list(read_jsonl(args.gold))[: args.limit]
    gold = {str(a["id"]): a for a in articles}
    predictions: dict[str, dict[str, Any]] = {}
    misses: dict[str, list[str]] = defaultdict(list)
    seconds = characters = 0.0
    for article, quotes, took in predict(articles):
        seconds += took
        characters += len(article["text"])
        predictions[str(article["id"])] = {
            "id": article["id"],
            "quotes": [prediction_record(q) for q in quotes],
            "seconds": took,
        }
        if args.errors:
            for kind, where in classify_misses(scorer, article, quotes):
                misses[kind].append(f"[{article['id']}] {where}")

    with tempfile.TemporaryDirectory() as folder:
        pred_path = args.pred or Path(folder) / "pred.jsonl"
        with pred_path.open("w", encoding="utf-8") as out:
            for record in predictions.values():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        result, _per_article = scorer.score(gold, scorer.load_jsonl(str(pred_path)))

    if args.errors:
        for kind in sorted(misses, key=lambda k: -len(misses[k])):
            print(f"\n## {kind} ({len(misses[kind])})")
            for item in misses[kind]:
                print(f"  - {item}")
        print()
    print(scorer.fmt_table(result, f"quotebank {quotebank.__version__} on {args.gold.name}"))
    print(f"speed: {characters / max(seconds, 1e-9):,.0f} characters/second over {len(articles)} articles")
    if args.errors:
        print(
            "misses: "
            + ", ".join(f"{k}={len(v)}" for k, v in sorted(misses.items(), key=lambda kv: -len(kv[1])))
        )
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
