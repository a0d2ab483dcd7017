"""``language=`` in every entry point: the API, the readers, the bank, the parallel and table paths and the
command line; the Article saying which language it was read in and holding its quotes as a field."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import attrs
import pytest

import quotebank
from quotebank import Article, QuoteBank, UnknownLanguageError, extract, extract_many, parse_article
from quotebank.cli import main
from quotebank.readers.webpages import parse_html

TEXT = 'A headline\n"We will keep working," Jane Doe, the mayor, said on Monday.'
PAGE = (Path(__file__).parent / "pages" / "council-vote.html").read_text(encoding="utf-8")


def test_the_value_types_reach_nothing_of_the_pipeline() -> None:
    tree = ast.parse(Path(quotebank.values.__file__).read_text(encoding="utf-8"))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)] + [
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    ]
    assert not [name for name in imported if "_pipeline" in name]


def test_the_article_holds_its_quotes_and_its_language() -> None:
    article = parse_article(TEXT)
    assert article.language == "en"
    assert article.quotes == extract(TEXT)
    assert "quotes" not in repr(article)
    # the quotes are a field: evolving the article keeps them, and equality ignores them
    assert attrs.evolve(article).quotes == article.quotes
    assert attrs.evolve(article, quotes=quotebank.QuoteList()) == article


def test_an_article_made_by_hand_has_no_quotes_until_extract_reads_it() -> None:
    parsed = parse_article(TEXT)
    made = Article(text=parsed.text, paragraphs=parsed.paragraphs)
    assert made.quotes == ()
    assert extract(made) == parsed.quotes


def test_metadata_given_to_extract_reaches_the_quotes_of_an_article_already_read() -> None:
    article = parse_article(TEXT)
    quotes = extract(article, outlet="Courier", published="2026-03-05", source="a.txt", article_id="7")
    assert [(q.outlet, str(q.published), q.source, q.article_id) for q in quotes] == [
        ("Courier", "2026-03-05", "a.txt", "7")
    ]
    assert quotes == extract(TEXT, outlet="Courier", published="2026-03-05", source="a.txt", article_id="7")


def test_reported_speech_asked_of_an_article_read_without_it_is_read_again() -> None:
    text = "The senator said the bill would pass next week."
    article = parse_article(text)
    assert article.quotes == ()
    assert [q.kind.value for q in extract(article, reported=True)] == ["reported"]


@pytest.mark.parametrize("language", ["en", "auto"])
def test_every_entry_point_takes_the_language(language: str, tmp_path: Path) -> None:
    expected = extract(TEXT)
    assert extract(TEXT, language=language) == expected
    assert parse_article(TEXT, language=language).language == "en"
    assert [r.quotes for r in extract_many([TEXT], processes=1, language=language)] == [expected]
    page = parse_html(PAGE, language=language)
    assert page.language == "en" and page.quotes == parse_html(PAGE).quotes
    assert parse_article(PAGE, language=language).quotes == page.quotes
    with QuoteBank(language=language) as bank:
        bank.add(TEXT)
        assert list(bank) == list(expected)
    with QuoteBank.open(tmp_path / "bank.db", language=language) as bank:
        assert bank.add_many([TEXT], language="en") == 1
        assert bank.add(TEXT, language=language).quotes == expected


def test_extract_many_sends_the_language_to_its_workers() -> None:
    results = list(extract_many([TEXT, TEXT], processes=2, language="auto"))
    assert [r.quotes for r in results] == [extract(TEXT)] * 2
    with pytest.raises(UnknownLanguageError):
        extract_many([TEXT], processes=2, language="xx")


def test_quotes_table_takes_the_language() -> None:
    pytest.importorskip("pandas")
    from quotebank.scale.tables import quotes_table  # noqa: PLC0415 -- needs pandas

    assert list(quotes_table([TEXT], language="auto")["text"]) == [q.text for q in extract(TEXT)]
    with pytest.raises(UnknownLanguageError):
        quotes_table([TEXT], language="xx")


def test_an_unknown_language_is_refused_everywhere(tmp_path: Path) -> None:
    with pytest.raises(UnknownLanguageError, match="quotebank has 'de', 'en', 'fr'"):
        QuoteBank(language="xx")
    with pytest.raises(UnknownLanguageError):
        QuoteBank.open(tmp_path / "bank.db", language="xx")
    with QuoteBank() as bank, pytest.raises(UnknownLanguageError):
        bank.add(TEXT, language="xx")
    with pytest.raises(UnknownLanguageError):
        parse_html(PAGE, language="xx")


# one German and one French article with the speaker each is read with
OTHER_LANGUAGES = [
    (
        "de",
        "Titel\nMinisterin Anna Keller sprach in Berlin.\n„Wir werden die Steuern nicht erhöhen“, sagte sie.",
        "Anna Keller",
    ),
    ("fr", "Titre\n« Nous ne reculerons pas », a déclaré le ministre Jean Dupont.", "Jean Dupont"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), OTHER_LANGUAGES)
def test_german_and_french_reach_every_entry_point(
    language: str, text: str, speaker: str, tmp_path: Path
) -> None:
    expected = extract(text, language=language)
    assert [q.speaker_name for q in expected] == [speaker]
    assert parse_article(text, language="auto").language == language
    assert [r.quotes for r in extract_many([text], processes=1, language=language)] == [expected]
    with QuoteBank(language=language) as bank:
        bank.add(text)
        assert list(bank) == list(expected)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main([str(article), "--format", "jsonl", "--language", language], stdout=out, stderr=err) == 0
    assert speaker in out.getvalue()


def test_the_command_line_takes_the_language(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    for language in ("en", "auto"):
        out, err = io.StringIO(), io.StringIO()
        assert main([str(article), "--format", "jsonl", "--language", language], stdout=out, stderr=err) == 0
        assert "Jane Doe" in out.getvalue()
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit):
        main([str(article), "--language", "xx"], stdout=out, stderr=err)
    out, err = io.StringIO(), io.StringIO()
    database = tmp_path / "bank.db"
    assert main(["add", str(database), str(article), "--language", "auto"], stdout=out, stderr=err) == 0
    with QuoteBank.open(database) as bank:
        assert list(bank) == list(extract(TEXT, source=str(article)))
