"""Tests of quotebank.strategies itself: the ground truth is consistent with the text it describes, the
options restrict what is generated, every construction is reachable, and failures shrink to small articles."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import quotebank
from quotebank import Quote, QuoteKind, QuoteList, Speaker, SpeakerKind
from quotebank._pipeline.language import language
from quotebank.strategies import (
    CONSTRUCTIONS,
    DOUBLE_MARK_STYLES,
    MARK_STYLES,
    GeneratedArticle,
    SpeakerName,
    articles,
    cue_phrases,
    quote_contents,
    quote_marks,
    speaker_names,
    unrelated_paragraphs,
)

# `find` searches until it meets an example, then shrinks it; these settings let it look long enough for the
# rare ones, and REACH stops at the first one found; a fixed seed keeps how far shrinking gets the same
# from run to run
SEARCH = settings(database=None, derandomize=True, max_examples=2000, suppress_health_check=list(HealthCheck))
REACH = settings(SEARCH, phases=[Phase.generate])


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


@given(articles())
def test_ground_truth_points_into_the_text(article: GeneratedArticle) -> None:
    text = article.text
    names = {speaker.name for speaker in article.speakers}
    previous_end = 0
    for expected in article.expected:
        opening, closing = expected.marks
        assert text[expected.start : expected.end] == expected.text
        assert text[expected.start - len(opening) : expected.start] == opening
        assert text[expected.end : expected.end + len(closing)] == closing
        assert expected.start - len(opening) >= previous_end, "in text order, without overlap"
        previous_end = expected.end + len(closing)
        assert _line_of(text, expected.start) == expected.paragraph
        assert expected.speaker is None or expected.speaker in names
        assert expected.construction in CONSTRUCTIONS
        for mention in (expected.mention, expected.cue):
            if mention is not None:
                assert text[mention.start : mention.end] == mention.text
    assert "\n\n" not in text and text == text.strip()


@given(articles())
def test_a_quotation_of_several_paragraphs_is_one_speaker_and_opens_each_one(
    article: GeneratedArticle,
) -> None:
    lines = article.text.split("\n")
    for expected in article.expected:
        if expected.construction == "multi-paragraph" and expected.kind is QuoteKind.CONTINUATION:
            assert lines[expected.paragraph].startswith(expected.marks[0])
            assert article.style.double


@given(st.data())
def test_mark_styles_restrict_the_marks(data: st.DataObject) -> None:
    styles = data.draw(st.lists(st.sampled_from(sorted(MARK_STYLES)), min_size=1, unique=True))
    article = data.draw(articles(marks=styles))
    assert article.style.name in styles
    style = article.style
    allowed = {style.open, style.close, style.inner_open, style.inner_close, ""}
    for expected in article.expected:
        assert set(expected.marks) <= allowed


@given(st.data())
def test_constructions_restrict_what_is_written(data: st.DataObject) -> None:
    chosen = data.draw(st.sets(st.sampled_from(sorted(CONSTRUCTIONS)), min_size=1))
    article = data.draw(articles(constructions=chosen, max_blocks=3))
    assert article.constructions <= chosen


@pytest.mark.parametrize("construction", sorted(CONSTRUCTIONS))
def test_every_construction_is_generated(construction: str) -> None:
    found = find(
        articles(constructions={construction, "quote-cue"}),
        lambda article: construction in article.constructions,
        settings=REACH,
    )
    assert any(expected.construction == construction for expected in found.expected)


def test_the_smallest_article_with_a_quotation_is_one_short_paragraph() -> None:
    smallest = find(articles(), lambda article: len(article.expected) >= 1, settings=SEARCH)
    assert "\n" not in smallest.text
    assert len(smallest.text) < 80
    assert len(smallest.expected) == 1


@pytest.mark.parametrize("construction", ["pronoun", "headline-echo"])
def test_failures_shrink_to_small_readable_articles(construction: str) -> None:
    # a property that fails exactly when the construction appears stands for a real failure there
    smallest = find(articles(), lambda article: construction in article.constructions, settings=SEARCH)
    lines = smallest.text.split("\n")
    assert len(lines) <= 5, smallest.text
    assert all(len(line) < 120 for line in lines), smallest.text


@given(articles(constructions=CONSTRUCTIONS))
def test_unattributed_titles_echo_no_quotation_of_the_body(article: GeneratedArticle) -> None:
    body = " ".join(
        e.text.casefold() for e in article.expected if e.kind not in (QuoteKind.HEADLINE, QuoteKind.RELATED)
    )
    for expected in article.expected:
        if expected.construction == "headline-scare":
            assert expected.speaker is None
            assert expected.text.casefold() not in body
        if expected.construction == "headline-echo":
            assert expected.text.casefold() in body


@given(articles())
def test_expected_quotes_are_quotes_of_the_text(article: GeneratedArticle) -> None:
    quotes = article.expected_quotes()
    assert isinstance(quotes, QuoteList)
    assert [(q.text, q.start, q.end, q.speaker_name, q.kind) for q in quotes] == [
        (e.text, e.start, e.end, e.speaker, e.kind) for e in article.expected
    ]
    assert all(article.text[q.start : q.end] == q.text for q in quotes)


# -- the rewriting methods the metamorphic tests use ---------------------------------------------------


@given(articles(marks=DOUBLE_MARK_STYLES), st.sampled_from(DOUBLE_MARK_STYLES))
def test_with_marks_changes_only_the_marks(article: GeneratedArticle, style: str) -> None:
    other = article.with_marks(style)
    assert other.style.name == style
    assert len(other.text) == len(article.text)
    assert [(e.start, e.end, e.speaker, e.kind) for e in other.expected] == [
        (e.start, e.end, e.speaker, e.kind) for e in article.expected
    ]


@given(articles(marks=DOUBLE_MARK_STYLES, constructions={"multi-paragraph"}))
def test_a_quotation_over_paragraphs_keeps_double_marks(article: GeneratedArticle) -> None:
    with pytest.raises(ValueError, match="double marks"):
        article.with_marks("single")


@given(articles(), st.data())
def test_renamed_changes_the_name_everywhere(article: GeneratedArticle, data: st.DataObject) -> None:
    old = data.draw(st.sampled_from(article.speakers))
    keys = {speaker.key for speaker in article.speakers if speaker != old}
    new = data.draw(
        speaker_names().filter(
            lambda s: (s.kind, s.pronoun) == (old.kind, old.pronoun) and s.key not in keys and s != old
        )
    )
    renamed = article.renamed(old.name, new)
    assert [e.speaker for e in renamed.expected] == [
        new.name if e.speaker == old.name else e.speaker for e in article.expected
    ]
    if any(e.speaker == old.name for e in article.expected):
        assert new.short in renamed.text


@given(articles(max_speakers=1))
def test_renamed_refuses_a_name_of_another_kind(article: GeneratedArticle) -> None:
    (speaker,) = article.speakers
    other_kind = SpeakerKind.ORGANISATION if speaker.kind is SpeakerKind.PERSON else SpeakerKind.PERSON
    stranger = SpeakerName("Some Body", "Body", "it", other_kind)
    with pytest.raises(ValueError, match="kind"):
        article.renamed(speaker.name, stranger)
    with pytest.raises(ValueError, match="no speaker"):
        article.renamed("Nobody At All", speaker)


@given(articles(), unrelated_paragraphs(), st.data())
def test_with_paragraph_inserts_one_line(
    article: GeneratedArticle, paragraph: str, data: st.DataObject
) -> None:
    position = data.draw(st.sampled_from(article.insertion_points))
    longer = article.with_paragraph(position, paragraph)
    assert longer.text.count("\n") == article.text.count("\n") + 1
    assert paragraph in longer.text.split("\n")
    assert [e.text for e in longer.expected] == [e.text for e in article.expected]
    with pytest.raises(ValueError, match="position"):
        article.with_paragraph(len(article.blocks) + 1, paragraph)


# -- building blocks -----------------------------------------------------------------------------------


@given(speaker_names())
def test_speaker_names_are_well_formed(speaker: SpeakerName) -> None:
    assert speaker.name == speaker.name.strip() and speaker.name
    assert speaker.short in speaker.name
    assert str(speaker) == speaker.name
    if speaker.kind is SpeakerKind.PERSON:
        assert speaker.pronoun in ("he", "she") and len(speaker.name.split()) >= 2
    else:
        assert speaker.kind is SpeakerKind.ORGANISATION and speaker.pronoun == "it"


@given(speaker_names(kinds=[SpeakerKind.ORGANISATION]))
def test_speaker_names_restrict_the_kind(speaker: SpeakerName) -> None:
    assert speaker.kind is SpeakerKind.ORGANISATION


@pytest.mark.parametrize("style", sorted(MARK_STYLES))
@given(data=st.data())
def test_quote_contents_hold_no_outer_mark(style: str, data: st.DataObject) -> None:
    marks = MARK_STYLES[style]
    content = data.draw(quote_contents(marks=style))
    fragment = data.draw(quote_contents(partial=True, marks=style))
    for text in (content, fragment):
        for i, character in enumerate(text):
            if character in (marks.open, marks.close):
                # only an apostrophe inside a word (don't), which no reader takes for a quotation mark
                assert 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha(), text
    assert content[0].isupper() and fragment[0].islower()


@given(cue_phrases())
def test_cue_phrases_use_cue_verbs_quotebank_knows(cue: str) -> None:
    verbs = [word for word in cue.split() if word not in ("has", "had", "reporters")]
    assert verbs[0] in language("en").cue_forms


@given(cue_phrases(tenses=["present"], invertible=True))
def test_cue_phrases_restrict_tense_and_order(cue: str) -> None:
    assert cue in ("says", "adds")


@given(quote_marks(styles=["curly", "guillemets"]))
def test_quote_marks_restrict_the_styles(style: object) -> None:
    assert style in (MARK_STYLES["curly"], MARK_STYLES["guillemets"])


@given(unrelated_paragraphs())
def test_unrelated_paragraphs_quote_nobody(paragraph: str) -> None:
    assert quotebank.extract(paragraph) == ()
    words = {word.strip(".,").lower() for word in paragraph.split()}
    assert not words & set(language("en").cue_forms)


@pytest.mark.parametrize(
    "call",
    [
        lambda: articles(marks=["smoke-signals"]),
        lambda: articles(constructions=["telepathy"]),
        lambda: articles(min_blocks=0),
        lambda: speaker_names(kinds=[]),
        lambda: cue_phrases(tenses=["pluperfect-subjunctive"]),
        lambda: quote_marks(styles=[]),
    ],
)
def test_bad_options_are_refused(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]


# -- registration and import ---------------------------------------------------------------------------


def _entry_point_installed() -> bool:
    return any(
        point.value == "quotebank._hypothesis:_hypothesis_setup_hook"
        for point in importlib.metadata.entry_points(group="hypothesis")
    )


needs_entry_point = pytest.mark.skipif(
    not _entry_point_installed(),
    reason="quotebank is not installed (pip install -e .), so Hypothesis cannot find its entry point",
)


@needs_entry_point
@given(st.from_type(Quote))
def test_from_type_draws_generated_quotes(quote: Quote) -> None:
    assert isinstance(quote, Quote)
    assert len(quote.text) == quote.end - quote.start > 0
    for mention in (quote.mention, quote.cue):
        assert mention is None or len(mention.text) == mention.end - mention.start > 0


@needs_entry_point
@given(st.from_type(QuoteList), st.from_type(Speaker))
def test_from_type_draws_quote_lists_and_speakers(quotes: QuoteList, speaker: Speaker) -> None:
    assert isinstance(quotes, QuoteList)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert isinstance(speaker, Speaker) and speaker.name


def test_without_hypothesis_the_import_error_says_what_to_install() -> None:
    blocked = "import sys; sys.modules['hypothesis'] = None; "
    result = subprocess.run(
        [sys.executable, "-c", blocked + "import quotebank.strategies"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ImportError: quotebank.strategies needs Hypothesis" in result.stderr
    assert "pip install hypothesis" in result.stderr
    plain = subprocess.run(
        [
            sys.executable,
            "-c",
            blocked + "import quotebank; print(len(quotebank.extract('\"Hi,\" she said.')))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert plain.returncode == 0 and plain.stdout.strip() == "1", plain.stderr
