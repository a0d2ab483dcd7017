"""Run quotebank on annotated articles, score it with the reference scorer, and explain the misses.

    python -m evaluation ../shared/eval/polnear.dev.jsonl [--errors] [--pred out.jsonl] [--limit N]
    python -m evaluation ../shared/eval --folds 5 [--corpus dewikinews] [--errors]

The gold file's folder must hold ``score.py``, the reference scorer, which is imported from there (it is
never copied into this repository). Each article is passed to :func:`quotebank.extract` with the file's
outlet and date, in its language (:func:`language_of`). ``--errors`` lists every miss with its context,
grouped by class. Both forms print a reliability table: for each confidence band, the share of matched
quotes whose speaker the scorer judges right.

``--folds N`` cross-validates: the articles of the training and development splits (or of the one file
given) are dealt into N folds by a hash of their id, so the assignment never changes, and each fold is
scored on its own. It prints every fold and the mean ± standard deviation of each figure: a change that
helps across folds generalises; one that only moves the development split is fitted to it.

The annotated corpus covers quotations between double quotation marks only (its README: "a gold quote is
the content between a pair of double quotation marks"), and since version 2 that includes the doubled
apostrophes of the New York Times archive (''like this''). Spans set off by single quotes are outside its
annotation, so they are not submitted. quotebank itself reports them all.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs

import quotebank
from quotebank._pipeline.confidence import Calibration
from quotebank._pipeline.language import language
from quotebank._pipeline.run import quotes_with_evidence
from quotebank._pipeline.structure import parse_structure
from quotebank.values import Quote

__all__ = [
    "BANDS",
    "Scores",
    "classify_misses",
    "context",
    "cross_validate",
    "evaluate",
    "fold_of",
    "ignored_spans",
    "in_scope",
    "judge",
    "language_of",
    "load_scorer",
    "main",
    "observations",
    "predict",
    "predict_with_evidence",
    "prediction_record",
    "recalibrated",
    "reliability",
]

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
# the splits cross-validation deals into folds, when it is given a folder: {corpus}.{split}.jsonl
_SPLITS = ("train", "dev")
_CORPORA = ("polnear", "dewikinews")
# confidence bands of the reliability table, highest first: (lowest confidence in the band, label)
BANDS = (
    (0.95, "0.95-1.00"),
    (0.9, "0.90-0.95"),
    (0.8, "0.80-0.90"),
    (0.7, "0.70-0.80"),
    (0.5, "0.50-0.70"),
    (0.0, "0.00-0.50"),
)
# the figures each fold reports
_FIGURES = ("span_exact_f1", "e2e_f1", "speaker_acc", "speaker_acc_named", "speaker_acc_pronoun")


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
    for article, found, took in predict_with_evidence(articles):
        yield article, [quote for quote, _evidence in found], took


def predict_with_evidence(
    articles: Iterable[dict[str, Any]],
) -> Iterator[tuple[dict[str, Any], list[tuple[Quote, str | None]], float]]:
    """(article, its in-scope quotes with the evidence of their confidence, seconds taken) for each article:
    what :func:`quotebank.extract` does, keeping the evidence (see :mod:`quotebank._pipeline.confidence`)."""
    for article in articles:
        began = time.perf_counter()
        # the structure alone: quotes_with_evidence reads the quotes, with the evidence of each
        lang = language(language_of(article))
        parsed = parse_structure(
            lang, article["text"], outlet=article.get("outlet"), published=article.get("date")
        )
        found = quotes_with_evidence(lang, parsed)
        took = time.perf_counter() - began
        yield article, [(quote, evidence) for quote, evidence in found if in_scope(quote)], took


def language_of(article: dict[str, Any]) -> str:
    """The code of the language an annotated article is written in: its ``meta.language`` (the German
    corpus says ``de``), English when it says none."""
    return str(article.get("meta", {}).get("language") or "en")


def context(text: str, start: int, end: int) -> str:
    """The span in [[double brackets]] with the text around it, on one line, as a miss is listed."""
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


def ignored_spans(scorer: ModuleType, gold: dict[str, Any]) -> list[tuple[int, int]]:
    """The spans of a gold article that are neither rewarded nor penalised when predicted, normalised as
    the scorer compares spans."""
    meta = gold.get("meta") or {}
    return [
        scorer.norm_span(gold["text"], start, end)
        for key in ("unattributed_quoted_spans", "single_quoted_spans", "ignore_spans")
        for start, end in meta.get(key) or []
    ]


def classify_misses(scorer: ModuleType, gold: dict[str, Any], quotes: list[Quote]) -> list[tuple[str, str]]:
    """(class, context) for each gold quote missed or misattributed, and each extra predicted span."""
    text = gold["text"]
    norm = scorer.norm_span
    ignored = ignored_spans(scorer, gold)
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
        where = context(text, g["start"], g["end"])
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
        misses.append(("extra span", context(text, quote.start, quote.end)))
    return misses


def judge(scorer: ModuleType, gold: dict[str, Any], quotes: list[Quote]) -> list[tuple[Quote, bool]]:
    """(quote, whether its speaker is right) for each predicted quote the scorer matches to a gold quote whose
    speaker is annotated: the same overlap matching and speaker judgement as the scorer's own counts."""
    text = gold["text"]
    golds = gold.get("quotes") or []
    gold_spans = [scorer.norm_span(text, g["start"], g["end"]) for g in golds]
    pred_spans = [scorer.norm_span(text, q.start, q.end) for q in quotes]
    matched = scorer.match(
        gold_spans, pred_spans, lambda gi, pi: scorer.big_overlap(gold_spans[gi], pred_spans[pi])
    )
    judged = []
    for gi, pi in matched.items():
        right = scorer.speaker_right(golds[gi], prediction_record(quotes[pi]))
        if right is not None:
            judged.append((quotes[pi], bool(right)))
    return judged


@attrs.frozen
class Scores:
    """What one evaluation run found: the scorer's result, each matched quote's judgement, the misses."""

    result: dict[str, Any]
    judged: list[tuple[Quote, bool]]
    evidence: list[str | None]
    """The evidence of each judged quote's confidence, in the order of ``judged``."""
    misses: dict[str, list[str]]
    characters: int
    seconds: float

    def figures(self) -> dict[str, float]:
        """The headline figures, by the names of the gate's floors."""
        result = self.result
        return {
            "span_exact_f1": result["span_exact"]["f1"],
            "e2e_f1": result["e2e"]["f1"],
            "speaker_acc": result["speaker_acc"] or 0.0,
            "speaker_acc_named": result["speaker_acc_named"] or 0.0,
            "speaker_acc_pronoun": result["speaker_acc_pronoun"] or 0.0,
        }


def evaluate(
    scorer: ModuleType, articles: list[dict[str, Any]], *, errors: bool = False, pred: Path | None = None
) -> Scores:
    """Extract every article, score the predictions with the reference scorer, judge each matched quote."""
    gold = {str(a["id"]): a for a in articles}
    predictions: dict[str, dict[str, Any]] = {}
    misses: dict[str, list[str]] = defaultdict(list)
    judged: list[tuple[Quote, bool]] = []
    evidence: list[str | None] = []
    seconds = 0.0
    characters = 0
    for article, found, took in predict_with_evidence(articles):
        quotes = [quote for quote, _evidence in found]
        evidence_of = {id(quote): path for quote, path in found}
        seconds += took
        characters += len(article["text"])
        predictions[str(article["id"])] = {
            "id": article["id"],
            "quotes": [prediction_record(q) for q in quotes],
            "seconds": took,
        }
        for quote, right in judge(scorer, article, quotes):
            judged.append((quote, right))
            evidence.append(evidence_of[id(quote)])
        if errors:
            for kind, where in classify_misses(scorer, article, quotes):
                misses[kind].append(f"[{article['id']}] {where}")
    if pred is not None:
        with pred.open("w", encoding="utf-8") as out:
            for record in predictions.values():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    result, _per_article = scorer.score(gold, predictions)
    return Scores(result, judged, evidence, dict(misses), characters, seconds)


def reliability(judged: Iterable[tuple[Quote, bool]]) -> list[tuple[str, int, int]]:
    """(band, quotes with the right speaker, quotes) for each confidence band of :data:`BANDS`."""
    right = [0] * len(BANDS)
    count = [0] * len(BANDS)
    for quote, correct in judged:
        band = next(i for i, (lowest, _label) in enumerate(BANDS) if quote.confidence >= lowest)
        count[band] += 1
        right[band] += correct
    return [(label, right[i], count[i]) for i, (_lowest, label) in enumerate(BANDS)]


def reliability_table(judged: list[tuple[Quote, bool]]) -> str:
    """The reliability table as Markdown, with a last line for confidence 0.9 and above."""
    rows = reliability(judged)
    total = sum(count for _label, _right, count in rows) or 1
    lines = ["| confidence | right speaker | quotes | share of quotes |", "|---|---|---|---|"]
    for label, right, count in rows:
        share = f"{right / count:.1%}" if count else "-"
        lines.append(f"| {label} | {share} | {count:,} | {count / total:.1%} |")
    high = [(r, c) for (lowest, _l), (_label, r, c) in zip(BANDS, rows, strict=True) if lowest >= 0.9]
    right, count = sum(r for r, _c in high), sum(c for _r, c in high)
    if count:
        lines.append(
            f"| **0.90 and above** | **{right / count:.1%}** | **{count:,}** | **{count / total:.1%}** |"
        )
    return "\n".join(lines)


def fold_of(article_id: str, folds: int) -> int:
    """The fold an article belongs to: a hash of its id, so that it never depends on file order."""
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % folds


def cross_validate(
    scorer: ModuleType, articles: list[dict[str, Any]], folds: int, *, errors: bool = False
) -> list[Scores]:
    """The scores of each of ``folds`` folds of ``articles``, dealt by :func:`fold_of`. The confidence of
    each fold's quotes is calibrated again on the other folds only (see :func:`recalibrated`), so that its
    reliability is measured on articles the calibration never saw."""
    dealt: list[list[dict[str, Any]]] = [[] for _fold in range(folds)]
    for article in articles:
        dealt[fold_of(str(article["id"]), folds)].append(article)
    runs = [evaluate(scorer, part, errors=errors) for part in dealt]
    return [
        recalibrated(run, Calibration.fit(observations(other for other in runs if other is not run)))
        for run in runs
    ]


def observations(runs: Iterable[Scores]) -> Iterator[tuple[str, bool]]:
    """(evidence, whether the speaker was right) for every judged quote with a speaker."""
    for run in runs:
        for (_quote, right), evidence in zip(run.judged, run.evidence, strict=True):
            if evidence is not None:
                yield evidence, right


def recalibrated(run: Scores, table: Calibration) -> Scores:
    """``run`` with the confidence of each judged quote read from ``table`` instead of the shipped one."""
    judged = [
        (quote if evidence is None else attrs.evolve(quote, confidence=table.confidence(evidence)), right)
        for (quote, right), evidence in zip(run.judged, run.evidence, strict=True)
    ]
    return attrs.evolve(run, judged=judged)


def _print_misses(misses: dict[str, list[str]]) -> None:
    for kind in sorted(misses, key=lambda k: -len(misses[k])):
        print(f"\n## {kind} ({len(misses[kind])})")
        for item in misses[kind]:
            print(f"  - {item}")
    print()


def _summary_of_misses(misses: dict[str, list[str]]) -> str:
    return "misses: " + ", ".join(
        f"{k}={len(v)}" for k, v in sorted(misses.items(), key=lambda kv: -len(kv[1]))
    )


def _cross_validation_report(runs: list[Scores]) -> str:
    header = "fold  articles   quotes " + " ".join(f"{name:>19s}" for name in _FIGURES)
    lines = [header]
    for index, run in enumerate(runs):
        figures = run.figures()
        counts = run.result["counts"]
        lines.append(
            f"{index:4d} {counts['articles']:9d} {counts['gold']:8d} "
            + " ".join(f"{figures[name]:19.3f}" for name in _FIGURES)
        )
    means = []
    for name in _FIGURES:
        values = [run.figures()[name] for run in runs]
        spread = statistics.stdev(values) if len(values) > 1 else 0.0
        means.append(f"{statistics.fmean(values):.3f} ± {spread:.3f}".rjust(19))
    lines.append("mean" + " " * 19 + " ".join(means))
    return "\n".join(lines)


def _articles(gold: Path, folds: int | None, corpus: str) -> list[dict[str, Any]]:
    if gold.is_dir():
        if folds is None:
            raise SystemExit("a folder needs --folds: give one annotated file to score it alone")
        return [article for split in _SPLITS for article in read_jsonl(gold / f"{corpus}.{split}.jsonl")]
    return list(read_jsonl(gold))


def _reported(args: argparse.Namespace) -> int:
    """``--reported``: the same options, handed to :mod:`evaluation.reported`; a folder stands for the
    reported-speech development split, or with ``--folds`` its training and development splits."""
    # imported here: evaluation.reported imports this module
    from evaluation import reported  # noqa: PLC0415

    if args.gold.is_dir():
        splits = _SPLITS if args.folds is not None else ("dev",)
        files = [str(args.gold / f"polnear.indirect.{split}.jsonl") for split in splits]
    else:
        files = [str(args.gold)]
    options = [f"--folds={args.folds}"] if args.folds is not None else []
    options += ["--errors"] * args.errors + ["--json"] * args.json
    options += [f"--limit={args.limit}"] if args.limit is not None else []
    return reported.main([*files, *options])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "gold",
        type=Path,
        help="annotated articles (JSONL), or with --folds the folder of the splits; score.py must sit there",
    )
    parser.add_argument("--folds", type=int, help="cross-validate over this many folds by article")
    parser.add_argument(
        "--corpus",
        choices=_CORPORA,
        default=_CORPORA[0],
        help="with a folder and --folds, the corpus whose training and development splits are dealt",
    )
    parser.add_argument("--pred", type=Path, help="also keep the predictions in this file")
    parser.add_argument("--errors", action="store_true", help="list every miss, grouped by class")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object last")
    parser.add_argument(
        "--reported",
        action="store_true",
        help="score reported speech (python -m evaluation.reported); a folder: the polnear.indirect splits",
    )
    args = parser.parse_args(argv)
    if args.folds is not None and args.folds < 2:
        parser.error("--folds needs at least 2 folds")
    if args.reported:
        if args.corpus != "polnear" or args.pred is not None:
            parser.error("--reported scores the PolNeAR reported-speech splits, without --pred")
        return _reported(args)

    folder = args.gold if args.gold.is_dir() else args.gold.parent
    scorer = load_scorer(folder)
    articles = _articles(args.gold, args.folds, args.corpus)[: args.limit]
    if args.folds is not None:
        runs = cross_validate(scorer, articles, args.folds, errors=args.errors)
        judged = [item for run in runs for item in run.judged]
        pooled: dict[str, list[str]] = defaultdict(list)
        for run in runs:
            for kind, items in run.misses.items():
                pooled[kind].extend(items)
        if args.errors:
            _print_misses(pooled)
        print(
            f"== quotebank {quotebank.__version__}: {args.folds}-fold cross-validation"
            f" over {args.gold.name} =="
        )
        print(_cross_validation_report(runs))
        print("\nreliability over the held-out folds:")
        print(reliability_table(judged))
        if args.errors:
            print(_summary_of_misses(pooled))
        if args.json:
            print(json.dumps({"folds": [run.figures() for run in runs]}))
        return 0

    scores = evaluate(scorer, articles, errors=args.errors, pred=args.pred)
    if args.errors:
        _print_misses(scores.misses)
    print(scorer.fmt_table(scores.result, f"quotebank {quotebank.__version__} on {args.gold.name}"))
    print(
        f"speed: {scores.characters / max(scores.seconds, 1e-9):,.0f} characters/second"
        f" over {len(articles)} articles"
    )
    print("\nreliability:")
    print(reliability_table(scores.judged))
    if args.errors:
        print(_summary_of_misses(scores.misses))
    if args.json:
        print(json.dumps(scores.result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
