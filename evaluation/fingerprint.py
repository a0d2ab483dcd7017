"""A fingerprint of everything quotebank extracts from annotated articles: one hash a corpus and setting.

A change meant to keep behaviour (moving modules, passing the language as a value instead of reading a global)
must leave every fingerprint as it was. ``python -m evaluation.fingerprint ../shared/eval`` prints them;
``--save FILE`` keeps them and ``--check FILE`` compares, listing the first articles that differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import attrs

import quotebank
from evaluation.run import language_of, read_jsonl

_CORPORA = ("polnear.train.jsonl", "polnear.dev.jsonl", "dewikinews.dev.jsonl")
_SETTINGS: dict[str, dict[str, Any]] = {"direct": {}, "reported": {"reported": True}}


def _record(quote: quotebank.Quote) -> str:
    return json.dumps(attrs.asdict(quote, recurse=True), sort_keys=True, default=str)


def article_hashes(path: Path, options: dict[str, Any]) -> dict[str, str]:
    """Article id -> hash of every field of every quote extracted from it."""
    hashes = {}
    for article in read_jsonl(path):
        quotes = quotebank.extract(
            article["text"],
            outlet=article.get("outlet"),
            published=article.get("date"),
            language=language_of(article),
            **options,
        )
        digest = hashlib.sha256("\n".join(_record(q) for q in quotes).encode("utf-8", "surrogatepass"))
        hashes[article["id"]] = digest.hexdigest()
    return hashes


def fingerprints(folder: Path) -> dict[str, dict[str, str]]:
    """(corpus, setting) -> article id -> hash, for every corpus present in ``folder``."""
    return {
        f"{corpus}:{setting}": article_hashes(folder / corpus, options)
        for corpus in _CORPORA
        if (folder / corpus).exists()
        for setting, options in _SETTINGS.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.fingerprint", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("folder", type=Path, help="the evaluation data folder")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--save", type=Path, help="write the fingerprints to this file")
    action.add_argument("--check", type=Path, help="compare with fingerprints saved earlier")
    args = parser.parse_args(argv)
    found = fingerprints(args.folder)
    for name, hashes in found.items():
        total = hashlib.sha256("".join(hashes[k] for k in sorted(hashes)).encode()).hexdigest()[:16]
        print(f"{name:40} {len(hashes):4} articles  {total}")
    if args.save:
        args.save.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
    if args.check:
        saved = json.loads(args.check.read_text(encoding="utf-8"))
        changed = [
            (name, key)
            for name in saved
            for key in saved[name]
            if found.get(name, {}).get(key) != saved[name][key]
        ]
        for name, key in changed[:10]:
            print(f"changed: {name} {key}")
        print(f"{len(changed)} articles changed")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
