"""German and French rules, each driven by the language's data or settings: one example a rule, and the
English reading of the same text where English differs."""

from __future__ import annotations

import quotebank
from quotebank._pipeline.language import language
from quotebank._pipeline.tokens import tokenize


def _pairs(text: str, code: str) -> list[tuple[str, str | None]]:
    return [(quote.text, quote.speaker_name) for quote in quotebank.extract(text, language=code)]


def test_two_apostrophes_are_italics_in_german_and_a_quotation_mark_in_english() -> None:
    german = "Titel\nIm Interview: ''Pau'': Ich lehne das ab, sagte sie."
    assert list(quotebank.extract(german, language="de")) == []
    english = "Title\nThe mayor said: ''We will win.''"
    assert [quote.text for quote in quotebank.extract(english)] == ["We will win."]


def test_french_guillemets_keep_their_inner_spaces_out_of_the_quotation() -> None:
    for space in (" ", "\u00a0", "\u202f"):
        text = f"Titre\n«{space}Nous ne reculerons pas{space}», a déclaré le ministre Jean Dupont."
        assert _pairs(text, "fr") == [("Nous ne reculerons pas", "Jean Dupont")]


def test_french_elisions_and_inverted_pronouns_are_tokens_of_their_own() -> None:
    text = "l'élu a-t-il dit, estime-t-elle"
    words = [token.text for token in tokenize(language("fr"), text, 0, len(text), [])]
    assert words == ["l'", "élu", "a", "il", "dit", ",", "estime", "elle"]
    english = [token.text for token in tokenize(language("en"), text, 0, len(text), [])]
    assert "a-t-il" in english


def test_french_inverted_cue_after_a_quotation() -> None:
    text = "Titre\nLe ministre Jean Dupont était à Brest.\n« Le dialogue reste ouvert », a-t-il précisé."
    assert _pairs(text, "fr") == [("Le dialogue reste ouvert", "Jean Dupont")]


def test_german_subject_after_the_verb_when_the_clause_opens_with_an_adverbial() -> None:
    text = "Titel\nMinisterin Petra Sommer sprach in Berlin.\nAm Abend sagte sie: „Niemand soll warten.“"
    assert _pairs(text, "de") == [("Niemand soll warten.", "Petra Sommer")]


def test_german_noun_before_a_colon_is_no_speaker() -> None:
    text = "Titel\nDer Vorsitzende Franz Berger stellte den Plan in Frage: „Das geht nicht.“"
    assert _pairs(text, "de") == [("Das geht nicht.", "Franz Berger")]


def test_german_separable_verb_closes_its_clause() -> None:
    text = "Titel\n„Wir ermitteln“, teilte die Polizei am Sonntag mit."
    assert _pairs(text, "de") == [("Wir ermitteln", "Polizei")]


def test_german_postposition_takes_the_speaker_before_it() -> None:
    text = "Titel\nDer Polizei zufolge gab es „keine Verletzten“."
    assert _pairs(text, "de") == [("keine Verletzten", "Polizei")]


def test_german_so_is_a_cue_only_right_after_a_quotation() -> None:
    assert _pairs("Titel\n„Das ist falsch“, so Anna Keller.", "de") == [("Das ist falsch", "Anna Keller")]
    assert _pairs("Titel\nDas ist so Anna Keller: „ganz falsch“ sei es.", "de")[0][1] != "Anna Keller"


def test_german_passive_quoted_names_the_speaker() -> None:
    text = "Titel\nDazu wird Trainer Hans Watzke wie folgt zitiert: „Wir geben nicht auf.“"
    assert _pairs(text, "de") == [("Wir geben nicht auf.", "Hans Watzke")]


def test_german_noun_after_a_preposition_before_a_closing_participle_is_no_subject() -> None:
    text = (
        "Titel\nDer Oberbürgermeister von Leipzig, Thomas Reinholz, hat vor einem Kollaps gewarnt.\n"
        "„Die Stadt steht still“, warnte er."
    )
    assert [speaker for _text, speaker in _pairs(text, "de")] == ["Thomas Reinholz"]


def test_german_quote_without_cue_takes_the_subject_of_its_clause() -> None:
    # the subject opens the clause, past an apposition set off by commas
    text = "Titel\nDie Stadtwerke Halberg hatten den Bericht als „unseriös“ zurückgewiesen."
    assert _pairs(text, "de") == [("unseriös", "Stadtwerke Halberg")]
    text = "Titel\nDer Leiter der Studie, Paul Berger, sieht den Staat in der Pflicht: „Nun aber los.“"
    assert _pairs(text, "de") == [("Nun aber los.", "Paul Berger")]


def test_german_subject_after_the_verb_when_something_else_opens_the_clause() -> None:
    # an adverb, an object, or a phrase before a personal pronoun: the subject follows the verb
    text = "Titel\nHier sparte Landrat Jonas Weber nicht mit Kritik: „Das war ein schwerer Fehler.“"
    assert [speaker for _text, speaker in _pairs(text, "de")] == ["Jonas Weber"]
    text = "Titel\nMinister Karl Lind sprach.\nDie Pläne der Opposition bezeichnete er als „überhastet“."
    assert _pairs(text, "de") == [("überhastet", "Karl Lind")]
    text = "Titel\nAuch der Landrat Peter Kühn kritisierte die Pläne als „überhastet“."
    assert [speaker for _text, speaker in _pairs(text, "de")] == ["Peter Kühn"]


def test_german_subject_of_reported_speech_is_no_speaker() -> None:
    # Konjunktiv: the clause reports what someone said about its subject
    text = "Titel\nDer Haushalt der Stadt sei damit „nicht mehr zu retten“."
    assert _pairs(text, "de") == [("nicht mehr zu retten", None)]


def test_german_first_place_of_the_main_clause_may_hold_commas_or_a_participle() -> None:
    # "Im Brief, den …, erklärt sie": the cue is the main clause's verb, and its subject follows it
    text = "Titel\nMinisterin Eva Lind schrieb.\nIm Brief, den sie schickte, erklärt sie: „Wir bleiben.“"
    assert _pairs(text, "de") == [("Wir bleiben.", "Eva Lind")]
    text = "Titel\nRelativierend fügte Landrat Tom Weiß hinzu: „Das gilt nicht für alle.“"
    assert _pairs(text, "de") == [("Das gilt nicht für alle.", "Tom Weiß")]
    text = "Titel\nAngesichts der Zahlen nannte Landrat Tom Weiß die Lage „ernst“."
    assert _pairs(text, "de") == [("ernst", "Tom Weiß")]


def test_german_subject_before_the_verb_with_a_demonstrative_or_two_nouns() -> None:
    text = "Titel\nDieser Arzt, Antonio Berti, schilderte seinen Eindruck, „dass es zu spät war“."
    assert _pairs(text, "de") == [("dass es zu spät war", "Antonio Berti")]
    text = "Titel\nDer Stadtrat und Fraktionschef Jan Berger sprach von einem „Feldzug gegen die Schule“."
    assert _pairs(text, "de") == [("Feldzug gegen die Schule", "Jan Berger")]


def test_german_compound_titles_name_the_role_and_descriptions_refer_back() -> None:
    # "Verkehrsminister", "SPD-Vorsitzende" end in a title: the name after them is the person's, and "der
    # Minister" later is that person
    text = "Titel\nVerkehrsminister Jonas Weber besuchte Kassel.\n„Das ist ein guter Tag“, so der Minister."
    quote = quotebank.extract(text, language="de")[0]
    assert (quote.speaker_name, quote.speaker.role if quote.speaker else None) == (
        "Jonas Weber",
        "Verkehrsminister",
    )
    text = "Titel\n„Wir werden kämpfen“, erklärte der SPD-Vorsitzende Lars Brenner."
    assert _pairs(text, "de") == [("Wir werden kämpfen", "Lars Brenner")]
    text = "Titel\nDie Bürgermeisterin Anna Keller kam.\n„Wir bleiben dabei“, sagte die Bürgermeisterin."
    assert _pairs(text, "de") == [("Wir bleiben dabei", "Anna Keller")]


def test_english_titles_are_words_of_their_own() -> None:
    # English writes compounds apart: "Transportminister" is no title there
    text = 'Title\nTransportminister Jonas Weber visited Kassel.\n"It is a good day," the minister said.'
    assert [speaker for _text, speaker in _pairs(text, "en")] != ["Jonas Weber"]


def test_german_speaker_phrase_ends_before_an_adverbial_and_after_laut() -> None:
    text = "Titel\n„Wir bleiben dabei“, sagte Bürgermeisterin Anna Keller nach der Abstimmung."
    assert _pairs(text, "de") == [("Wir bleiben dabei", "Anna Keller")]
    text = "Titel\nLaut Verkehrsverband ist die Strecke „völlig überlastet“."
    assert _pairs(text, "de") == [("völlig überlastet", "Verkehrsverband")]


def test_french_description_and_name_in_commas_before_the_cue() -> None:
    # "des" is a preposition and an article in one word: the description goes on through it
    text = "Titre\nLe ministre des Transports, Paul Girard, a estimé que la grève était « injustifiée »."
    assert _pairs(text, "fr") == [("injustifiée", "Paul Girard")]
    text = "Titre\nSelon la CGT, la réforme est « injuste »."
    assert _pairs(text, "fr") == [("injuste", "CGT")]


def test_french_office_with_an_article_is_no_name() -> None:
    text = "Titre\nLa ministre de la Santé a jugé la mesure « indispensable »."
    assert _pairs(text, "fr") == [("indispensable", "ministre de la Santé")]


def test_german_active_quoting_verb_takes_its_object_as_the_speaker() -> None:
    text = (
        "Titel\nEin Fernsehsender zitierte Bürgermeister Jan Kolb mit den Worten: „Ich trete nicht zurück.“"
    )
    assert _pairs(text, "de") == [("Ich trete nicht zurück.", "Jan Kolb")]
    text = "Titel\n„Das wird teuer“, zitiert die Lokalzeitung Landrat Tom Weiß."
    assert _pairs(text, "de") == [("Das wird teuer", "Tom Weiß")]


def test_german_impersonal_report_names_its_source_after_a_preposition() -> None:
    text = "Titel\nIn dem Antrag heißt es wörtlich: „Die Stadt muss handeln.“"
    assert _pairs(text, "de") == [("Die Stadt muss handeln.", "Antrag")]
    text = "Titel\n„Die Lage ist ernst“, hieß es aus dem Innenministerium."
    assert _pairs(text, "de") == [("Die Lage ist ernst", "Innenministerium")]


def test_german_view_stated_without_a_cue_is_its_holders() -> None:
    text = "Titel\nFür den Verkehrsminister Jonas Weber ist die Lage „ernst“."
    assert _pairs(text, "de") == [("ernst", "Jonas Weber")]
    text = "Titel\nNach Ansicht der Richterin Eva Brandt war das Urteil „längst überfällig“."
    assert _pairs(text, "de") == [("längst überfällig", "Eva Brandt")]
    text = "Titel\nSeine Bilder werden von Kritikern als „bahnbrechend“ bezeichnet."
    assert _pairs(text, "de") == [("bahnbrechend", "Kritikern")]


def test_german_cue_closing_its_clause_takes_the_clause_subject() -> None:
    # the participle closes the clause; the noun right before it is an object, not the speaker
    text = "Titel\nDie Universität hatte anlässlich des Entzugs erklärt, sie wolle „Klarheit schaffen“."
    assert _pairs(text, "de") == [("Klarheit schaffen", "Universität")]
    text = "Titel\nIm Dezember hatte Ministerin Eva Lind im Landtag verkündet: „Wir bauen.“"
    assert _pairs(text, "de") == [("Wir bauen.", "Eva Lind")]


def test_german_quotation_in_the_first_place_before_the_verb() -> None:
    text = "Titel\nAls „unerwartetes Geschenk“ bezeichnet die Archäologin Maria Sanz den Fund."
    assert [speaker for _text, speaker in _pairs(text, "de")] == ["Archäologin Maria Sanz"]
    text = "Titel\nVon „absichtlicher Täuschung“ sprechen die Gutachter."
    assert _pairs(text, "de") == [("absichtlicher Täuschung", "Gutachter")]


def test_german_phrase_alone_before_a_colon_labels_the_quotation() -> None:
    text = "Titel\nEin Beamter der Landespolizei: „Hier weiß jeder Bescheid.“"
    assert _pairs(text, "de") == [("Hier weiß jeder Bescheid.", "Beamter der Landespolizei")]
    text = "Titel\nAnna Keller, Sprecherin des Vereins: „Wir bleiben.“"
    assert _pairs(text, "de") == [("Wir bleiben.", "Anna Keller")]


def test_german_publication_in_quotation_marks_after_a_cue_is_the_source() -> None:
    text = "Titel\n„Er war ein Suchender“, schrieb „Die Zeit“ in einem Nachruf."
    assert _pairs(text, "de")[0] == ("Er war ein Suchender", "Zeit")
    # the demonstrative alone before a modal: the subject follows the verb
    text = "Titel\n„Ja, es gibt Härten.“ Das musste Finanzminister Olaf Brück einräumen."
    assert _pairs(text, "de") == [("Ja, es gibt Härten.", "Olaf Brück")]


def test_german_person_after_the_verb_is_the_subject_when_none_stands_before() -> None:
    text = "Titel\nDer Lokalzeitung sagte Ministerin Eva Lind: „Wir bauen weiter.“"
    assert _pairs(text, "de") == [("Wir bauen weiter.", "Eva Lind")]
    text = "Titel\nÄhnlich äußerte sich Landrat Tom Weiß: „Wir haben die Lage im Griff.“"
    assert _pairs(text, "de") == [("Wir haben die Lage im Griff.", "Tom Weiß")]
    text = "Titel\nSo heißt es in dem Schreiben wörtlich: „Die Frist endet morgen.“"
    assert _pairs(text, "de") == [("Die Frist endet morgen.", "Schreiben")]


def test_german_phrase_right_after_a_quotation_opens_a_clause_of_its_own() -> None:
    # after a quotation the verb comes first in German ("„…“, sagte X"): "„…“, X nannte …" opens a new clause
    text = (
        "Titel\nJan Kolb, der früh vom Platz musste, nannte die Karte „überzogen“, "
        "Trainer Tom Weiß bezeichnete sie als „hart“."
    )
    assert _pairs(text, "de")[0] == ("überzogen", "Jan Kolb")


def test_german_second_verb_after_und_shares_the_subject_of_the_first() -> None:
    text = "Titel\nIn ihrer Rede lobte Ministerin Eva Lind den Plan und nannte die Reform „überfällig“."
    assert _pairs(text, "de") == [("überfällig", "Eva Lind")]


def test_german_quotation_after_a_sentence_about_a_person_is_theirs() -> None:
    text = (
        "Titel\nDer Bruder des Trainers, Paul Kolb, war in die Pläne eingeweiht. „Er wünscht sich mehr Ruhe.“"
    )
    assert _pairs(text, "de") == [("Er wünscht sich mehr Ruhe.", "Paul Kolb")]


def test_german_so_closes_its_sentence_as_an_aside() -> None:
    text = "Titel\nDer Plan müsse „vollständig und rasch“ umgesetzt werden, so Ministerin Eva Lind."
    assert _pairs(text, "de") == [("vollständig und rasch", "Eva Lind")]


def test_german_seit_opens_a_phrase_and_dass_is_no_verb() -> None:
    text = "Titel\nSeit August vertritt Landrat Tom Weiß die These, dass die Reform „zu teuer“ sei."
    assert _pairs(text, "de") == [("zu teuer", "Tom Weiß")]


def test_german_more_reporting_verbs() -> None:
    text = "Titel\n„Es war wie ein Güterzug“, beschreibt ein Anwohner das Beben."
    assert _pairs(text, "de") == [("Es war wie ein Güterzug", "Anwohner")]
    text = "Titel\nWie Landrat Tom Weiß meldete, sei die Straße „bis auf Weiteres“ gesperrt."
    assert _pairs(text, "de") == [("bis auf Weiteres", "Tom Weiß")]
    text = "Titel\nDen Vorwurf wies Landrat Tom Weiß als „völlig haltlos“ zurück."
    assert _pairs(text, "de") == [("völlig haltlos", "Tom Weiß")]
    text = "Titel\nDie Gewerkschaft begrüßte den „längst fälligen Schritt“."
    assert _pairs(text, "de") == [("längst fälligen Schritt", "Gewerkschaft")]


def test_german_subject_after_the_verb_named_in_commas_after_its_description() -> None:
    text = (
        "Titel\nSo hat sich etwa die Vorsitzende des Verbands, Karin Brand, gegen die Pläne ausgesprochen "
        "und sie als „Zumutung“ bezeichnet."
    )
    assert _pairs(text, "de") == [("Zumutung", "Karin Brand")]


def test_german_subjunctive_cue_belongs_to_what_the_earlier_cue_reports() -> None:
    text = "Titel\nDer Kritiker Paul Kern kritisiert in der Zeitung, die Aktion erinnere „an alte Zeiten“."
    assert _pairs(text, "de") == [("an alte Zeiten", "Paul Kern")]


def test_german_dative_in_the_first_place_is_no_subject() -> None:
    text = "Titel\nDer englischsprachigen Zeitung sagte Kofi Mensah: „Ich bleibe.“"
    assert _pairs(text, "de") == [("Ich bleibe.", "Kofi Mensah")]
