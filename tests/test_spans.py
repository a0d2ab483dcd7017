"""The quote-mark scanner: mark styles, apostrophes, nesting, unbalanced marks, multi-paragraph quotes."""

from __future__ import annotations

import pytest

import quotebank
from quotebank import QuoteKind


def texts(article: str) -> list[str]:
    return [q.text for q in quotebank.extract(article)]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("„", "”"), ("''", "''")],
)
def test_every_mark_style(opening: str, closing: str) -> None:
    article = f"{opening}We will win,{closing} Smith said."
    quotes = quotebank.extract(article)
    assert [q.text for q in quotes] == ["We will win,"]
    assert quotes[0].marks == (opening, closing)
    assert article[quotes[0].start : quotes[0].end] == "We will win,"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine's army and the Russians' plan were discussed.",
        "It was the '90s and rock 'n' roll was king.",
        "They don't know what O'Brien meant, and 'em folks won't say.",
        "Ukraine’s army and the Russians’ plan, in the ’90s.",
        "He is 6'3\" tall.",
    ],
)
def test_apostrophes_are_not_quotes(sentence: str) -> None:
    assert texts(sentence) == []


def test_apostrophes_inside_a_quote_stay_in_it() -> None:
    assert texts("\"Ukraine's army isn't the Russians' army,\" he said.") == [
        "Ukraine's army isn't the Russians' army,"
    ]


def test_partial_quotes_inside_a_sentence() -> None:
    article = 'Witkoff said the talks were "detailed and productive," adding that "work remains."'
    quotes = quotebank.extract(article)
    assert [q.text for q in quotes] == ["detailed and productive,", "work remains."]
    assert {q.kind for q in quotes} == {QuoteKind.PARTIAL}


def test_nested_quotes_report_the_outer_one() -> None:
    assert texts("“He told me ‘never again’ and left,” she said.") == ["He told me ‘never again’ and left,"]
    assert texts("‘He told me “never again” and left,’ she said.") == ["He told me “never again” and left,"]


def test_unclosed_quote_is_reported_to_the_end_of_its_paragraph_and_flagged() -> None:
    article = 'He said "this never closes.\nLater, "this one does," she said.'
    quotes = quotebank.extract(article)
    assert [q.text for q in quotes] == ["this never closes.", "this one does,"]
    assert [q.unbalanced for q in quotes] == [True, False]
    assert quotes[0].marks == ('"', "")


def test_a_closing_mark_with_no_opening_one_is_reported_and_flagged() -> None:
    quotes = quotebank.extract("We will win.” Then she left.")
    assert [q.text for q in quotes] == ["We will win."]
    assert quotes[0].unbalanced and quotes[0].marks == ("", "”")


def test_a_second_opening_mark_ends_the_unclosed_first_and_later_quotes_survive() -> None:
    article = "He said “first never closes and “second does,” she said. Then “third.”"
    assert texts(article) == ["first never closes and", "second does,", "third."]


def test_thousands_of_unbalanced_marks_do_not_hide_later_quotes() -> None:
    article = "“" * 5000 + "\n" + '"Still here," he said.'
    quotes = quotebank.extract(article)
    assert quotes[-1].text == "Still here,"
    assert quotes[-1].speaker_name is None or quotes[-1].mention is not None


def test_multi_paragraph_quote_is_one_quote_per_paragraph_with_one_speaker() -> None:
    article = (
        "Title of the story\n"
        '"The first paragraph of what she said,\n'
        '"the second paragraph of it,\n'
        '"and the end of it," Jane Doe said.\n'
        "An unrelated paragraph follows."
    )
    quotes = quotebank.extract(article)
    assert [q.kind for q in quotes] == [QuoteKind.SENTENCE, QuoteKind.CONTINUATION, QuoteKind.CONTINUATION]
    assert {q.speaker_name for q in quotes} == {"Jane Doe"}
    assert not any(q.unbalanced for q in quotes)


def test_empty_quotes_are_not_quotes() -> None:
    assert texts('He said "" and “ ” and left.') == []


def test_headline_quotes_are_headline_kind() -> None:
    quotes = quotebank.extract("Zelensky says talks 'likely' to go on\nBody text here.")
    assert [(q.text, q.kind) for q in quotes] == [("likely", QuoteKind.HEADLINE)]


BRITISH_ARTICLES = [
    (
        "Universities warn of closures\n\n"
        "Professor Alan Wood said: 'We have run out of money.\n\n"
        "'And nobody wants to admit it.'\n\n"
        "The university's accounts show a deficit for the third year running.",
        [
            ("We have run out of money.", "Alan Wood"),
            ("And nobody wants to admit it.", "Alan Wood"),
        ],
    ),
    (
        "Strike talks collapse\n\n"
        "Union leader Maria Hughes told the rally: ‘The workers’ patience has run out. We don’t take this "
        "lightly.\n\n"
        "‘Ministers keep saying “there is no money”, but Ukraine’s aid shows there is when they want it.\n\n"
        "‘We will be back on Monday.’\n\n"
        "The Department for Education said talks would resume.",
        [
            ("The workers’ patience has run out. We don’t take this lightly.", "Maria Hughes"),
            (
                "Ministers keep saying “there is no money”, "
                "but Ukraine’s aid shows there is when they want it.",
                "Maria Hughes",
            ),
            ("We will be back on Monday.", "Maria Hughes"),
        ],
    ),
    (
        "Farmers' anger grows\n\n"
        "Tom Price, who farms near Hereford, said: 'It's the '90s all over again. The banks won't lend "
        "and the buyers' prices don't cover costs.\n\n"
        "'My neighbour told me \"I'm done\" last week.'\n\n"
        "He said the farmers' union would meet on Friday.",
        [
            (
                "It's the '90s all over again. "
                "The banks won't lend and the buyers' prices don't cover costs.",
                "Tom Price",
            ),
            ('My neighbour told me "I\'m done" last week.', "Tom Price"),
        ],
    ),
]


@pytest.mark.parametrize(("article", "expected"), BRITISH_ARTICLES)
def test_a_multi_paragraph_quotation_in_single_marks_keeps_every_paragraph(
    article: str, expected: list[tuple[str, str]]
) -> None:
    # every paragraph but the last used to be dropped, its opening mark taken for an apostrophe
    quotes = quotebank.extract(article)
    assert [(q.text, q.speaker_name) for q in quotes] == expected
    assert not any(q.unbalanced for q in quotes)
    assert [q.kind for q in quotes] == [QuoteKind.SENTENCE] + [QuoteKind.CONTINUATION] * (len(quotes) - 1)


def test_a_single_mark_left_open_before_a_paragraph_without_one_is_still_an_apostrophe() -> None:
    article = "She said the 'plan was fine.\n\nNobody agreed, and the workers' union left."
    assert texts(article) == []


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("'The workers' union will win,' said Ann Lee.", ["The workers' union will win,"]),
        ("'It works' says head teacher", ["It works"]),
        ("'We are the workers' he said.", ["We are the workers"]),
        ("'We are the nurses' said Ann Lee.", ["We are the nurses"]),
        # a reporting verb a plural possessive owns: no speaker after it
        (
            "Ann Lee said: 'It's the drivers' call. We vote on Friday.'",
            ["It's the drivers' call. We vote on Friday."],
        ),
        ("'The teachers' claim is fair,' said Ann Lee.", ["The teachers' claim is fair,"]),
        ("It takes 'a matter of weeks' and a 'useful' round.", ["a matter of weeks", "useful"]),
    ],
)
def test_a_plural_possessive_inside_single_marks_does_not_close_them(
    article: str, expected: list[str]
) -> None:
    assert texts(article) == expected
