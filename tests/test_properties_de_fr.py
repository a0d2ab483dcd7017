"""German and French articles of quotebank.strategies: the generator's ground truth is consistent with the
text it writes, and extract(text, language=...) finds every quotation of it with its speaker."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import quotebank
from quotebank import SpeakerKind
from quotebank._pipeline.language import language as load_language
from quotebank.strategies import (
    CONSTRUCTIONS,
    GeneratedArticle,
    SpeakerName,
    articles,
    cue_phrases,
    mark_styles,
    quote_contents,
    quote_marks,
    speaker_names,
    supported_constructions,
    unrelated_paragraphs,
)
from tests.validity import assert_finds_expected

LANGUAGES = ("de", "fr")
REACH = settings(
    database=None,
    derandomize=True,
    max_examples=2000,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.generate],
)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


# -- extraction finds the ground truth -----------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_extract_finds_the_generated_quotes_and_their_speakers(code: str, data: st.DataObject) -> None:
    article = data.draw(articles(language=code))
    found = quotebank.extract(article.text, language=code)
    assert_finds_expected(found, article)


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_extraction_is_deterministic_and_points_into_the_text(code: str, data: st.DataObject) -> None:
    text = data.draw(articles(language=code)).text
    quotes = quotebank.extract(text, language=code)
    assert quotebank.extract(text, language=code) == quotes
    assert quotebank.parse_article(text, language=code).quotes == quotes
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        for mention in (quote.mention, quote.cue):
            if mention is not None:
                assert text[mention.start : mention.end] == mention.text


def _attributions(text: str, code: str) -> list[tuple[str, str | None]]:
    return [(quote.text, quote.speaker_name) for quote in quotebank.extract(text, language=code)]


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_an_unrelated_paragraph_or_a_renamed_speaker_changes_nothing_else(
    code: str, data: st.DataObject
) -> None:
    article = data.draw(articles(language=code))
    before = _attributions(article.text, code)
    position = data.draw(st.sampled_from(article.insertion_points))
    longer = article.with_paragraph(position, data.draw(unrelated_paragraphs(language=code)))
    assert _attributions(longer.text, code) == before
    persons = [speaker for speaker in article.speakers if speaker.kind is SpeakerKind.PERSON]
    if not persons:
        return  # an organisation may have no other of its pronoun to take its place
    old = data.draw(st.sampled_from(persons))
    keys = {speaker.key for speaker in article.speakers if speaker != old}
    new = data.draw(
        speaker_names(language=code).filter(
            lambda s: (s.kind, s.pronoun) == (old.kind, old.pronoun) and s.key not in keys and s != old
        )
    )
    renamed = _attributions(article.renamed(old.name, new).text, code)
    assert renamed == [(text, new.name if speaker == old.name else speaker) for text, speaker in before]


# -- the ground truth ----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_ground_truth_points_into_the_text(code: str, data: st.DataObject) -> None:
    article = data.draw(articles(language=code))
    assert article.language == code
    text = article.text
    names = {speaker.name for speaker in article.speakers}
    space = article.style.space
    previous_end = 0
    for expected in article.expected:
        opening, closing = expected.marks
        before = opening + (space if opening else "")
        after = (space if closing else "") + closing
        assert text[expected.start : expected.end] == expected.text
        assert text[expected.start - len(before) : expected.start] == before
        assert text[expected.end : expected.end + len(after)] == after
        assert expected.start - len(before) >= previous_end, "in text order, without overlap"
        previous_end = expected.end + len(after)
        assert _line_of(text, expected.start) == expected.paragraph
        assert expected.speaker in names
        assert expected.construction in supported_constructions(code)
        for mention in (expected.mention, expected.cue):
            if mention is not None:
                assert text[mention.start : mention.end] == mention.text
    assert "\n\n" not in text and text == text.strip()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_constructions_are_a_subset_of_the_english_names(code: str) -> None:
    assert supported_constructions(code) <= CONSTRUCTIONS
    assert {"cue-inverted", "cue-colon", "pronoun", "according-to"} <= supported_constructions(code)


@pytest.mark.parametrize(
    ("code", "construction"),
    [(code, construction) for code in LANGUAGES for construction in sorted(supported_constructions(code))],
)
def test_every_construction_is_generated(code: str, construction: str) -> None:
    found = find(
        articles(language=code, constructions={construction, "cue-inverted"}),
        lambda article: construction in article.constructions,
        settings=REACH,
    )
    assert any(expected.construction == construction for expected in found.expected)


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_options_restrict_marks_and_constructions(code: str, data: st.DataObject) -> None:
    styles = data.draw(st.lists(st.sampled_from(sorted(mark_styles(code))), min_size=1, unique=True))
    chosen = data.draw(st.sets(st.sampled_from(sorted(supported_constructions(code))), min_size=1))
    article = data.draw(articles(language=code, marks=styles, constructions=chosen, max_blocks=3))
    assert article.style.name in styles
    assert article.constructions <= chosen


def test_french_guillemets_keep_the_spaces_of_french_typography() -> None:
    french = mark_styles("fr")
    assert {style.space for style in french.values() if style.open == "«"} == {"\u00a0", "\u202f", " "}
    assert {style.open for style in mark_styles("de").values()} == {"„", "»", "«"}


# -- building blocks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_speaker_names_take_the_pronouns_of_their_language(code: str, data: st.DataObject) -> None:
    speaker: SpeakerName = data.draw(speaker_names(language=code, kinds=[SpeakerKind.PERSON]))
    assert speaker.name == speaker.name.strip() and speaker.short in speaker.name
    assert len(speaker.name.split()) >= 2
    pronoun = load_language(code).pronouns[speaker.pronoun]
    assert pronoun.case == "subject" and pronoun.person == 3 and pronoun.gender in ("male", "female")
    organisation = data.draw(speaker_names(language=code, kinds=[SpeakerKind.ORGANISATION]))
    assert organisation.kind is SpeakerKind.ORGANISATION and organisation.pronoun


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_quote_contents_and_cues_of_the_language(code: str, data: st.DataObject) -> None:
    content = data.draw(quote_contents(language=code))
    fragment = data.draw(quote_contents(language=code, partial=True))
    assert content[0].isupper() and fragment[0].islower()
    assert data.draw(quote_marks(language=code)) in mark_styles(code).values()
    cue = data.draw(cue_phrases(language=code))
    assert cue and " " not in cue


@pytest.mark.parametrize("code", LANGUAGES)
@given(data=st.data())
def test_unrelated_paragraphs_quote_nobody(code: str, data: st.DataObject) -> None:
    paragraph = data.draw(unrelated_paragraphs(language=code))
    assert quotebank.extract(paragraph, language=code) == ()
    words = {word.strip(".,").lower() for word in paragraph.split()}
    assert not words & set(load_language(code).cue_forms)


@pytest.mark.parametrize(
    "call",
    [
        lambda: articles(language="xx"),
        lambda: articles(language="auto"),
        lambda: articles(language="de", constructions=["headline-echo"]),
        lambda: articles(language="fr", marks=["straight"]),
        lambda: cue_phrases(language="de", invertible=True),
        lambda: speaker_names(language="fr", kinds=[]),
    ],
)
def test_bad_options_are_refused(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]


@given(articles())
def test_english_articles_stay_english(article: GeneratedArticle) -> None:
    assert article.language == "en"
    assert "language=" not in repr(article)
