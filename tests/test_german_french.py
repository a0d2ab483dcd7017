"""German and French rules, each driven by the language's data or settings: one example a rule, and the
English reading of the same text where English differs."""

from __future__ import annotations

import pytest

import quotebank
from quotebank import ParagraphKind
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
    text = "Titel\nDie Stadtwerke Halberg hatten die Zahlen als „unseriös“ zurückgewiesen."
    assert _pairs(text, "de") == [("unseriös", "Stadtwerke Halberg")]
    text = "Titel\nDie Leiterin der Klinik, Ina Vogt, sieht die Kassen in der Pflicht: „Nun aber los.“"
    assert _pairs(text, "de") == [("Nun aber los.", "Ina Vogt")]


def test_german_subject_after_the_verb_when_something_else_opens_the_clause() -> None:
    # an adverb, an object, or a phrase before a personal pronoun: the subject follows the verb
    text = "Titel\nHier hielt sich Landrat Jonas Weber nicht zurück: „Das war ein schwerer Fehler.“"
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
    text = "Titel\nMinisterin Eva Lind schrieb.\nIn der Mail, die sie schickte, erklärt sie: „Wir bleiben.“"
    assert _pairs(text, "de") == [("Wir bleiben.", "Eva Lind")]
    text = "Titel\nEinschränkend fügte Landrat Tom Weiß hinzu: „Das gilt nicht für alle.“"
    assert _pairs(text, "de") == [("Das gilt nicht für alle.", "Tom Weiß")]
    text = "Titel\nAngesichts der Umfrage nannte Landrat Tom Weiß die Stimmung „gedrückt“."
    assert _pairs(text, "de") == [("gedrückt", "Tom Weiß")]


def test_german_subject_before_the_verb_with_a_demonstrative_or_two_nouns() -> None:
    text = "Titel\nDiese Zeugin, Lea Sommer, schilderte den Unfall, „als wäre es gestern gewesen“."
    assert _pairs(text, "de") == [("als wäre es gestern gewesen", "Lea Sommer")]
    text = "Titel\nDer Stadtrat und Fraktionschef Jan Berger sprach von einem „schwarzen Tag für die Stadt“."
    assert _pairs(text, "de") == [("schwarzen Tag für die Stadt", "Jan Berger")]


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
    text = "Titel\nEin Radiosender zitierte Bürgermeister Jan Kolb mit den Worten: „Ich trete nicht zurück.“"
    assert _pairs(text, "de") == [("Ich trete nicht zurück.", "Jan Kolb")]
    text = "Titel\n„Das wird teuer“, zitiert die Lokalzeitung Landrat Tom Weiß."
    assert _pairs(text, "de") == [("Das wird teuer", "Tom Weiß")]


def test_german_impersonal_report_names_its_source_after_a_preposition() -> None:
    text = "Titel\nIm Antrag der Fraktion heißt es: „Die Stadt muss handeln.“"
    assert _pairs(text, "de") == [("Die Stadt muss handeln.", "Antrag")]
    text = "Titel\n„Die Lage ist ernst“, hieß es aus dem Innenministerium."
    assert _pairs(text, "de") == [("Die Lage ist ernst", "Innenministerium")]


def test_german_view_stated_without_a_cue_is_its_holders() -> None:
    text = "Titel\nFür Landrätin Jana Roth ist die Lage an der Küste „ernst“."
    assert _pairs(text, "de") == [("ernst", "Jana Roth")]
    text = "Titel\nNach Ansicht der Richterin Eva Brandt war das Urteil „längst überfällig“."
    assert _pairs(text, "de") == [("längst überfällig", "Eva Brandt")]
    text = "Titel\nIhre Romane werden von Kritikern als „bahnbrechend“ gefeiert."
    assert _pairs(text, "de") == [("bahnbrechend", "Kritikern")]


def test_german_cue_closing_its_clause_takes_the_clause_subject() -> None:
    # the participle closes the clause; the noun right before it is an object, not the speaker
    text = "Titel\nDie Stadtverwaltung hatte nach der Sitzung erklärt, sie wolle „rasch handeln“."
    assert _pairs(text, "de") == [("rasch handeln", "Stadtverwaltung")]
    text = "Titel\nIm Herbst hatte Ministerin Eva Lind im Landtag angekündigt: „Wir bauen.“"
    assert _pairs(text, "de") == [("Wir bauen.", "Eva Lind")]


def test_german_quotation_in_the_first_place_before_the_verb() -> None:
    text = "Titel\nAls „großen Glücksfall“ bezeichnet die Historikerin Maria Ortega den Fund."
    assert [speaker for _text, speaker in _pairs(text, "de")] == ["Historikerin Maria Ortega"]
    text = "Titel\nVon „grober Fahrlässigkeit“ sprechen die Gutachter."
    assert _pairs(text, "de") == [("grober Fahrlässigkeit", "Gutachter")]


def test_german_phrase_alone_before_a_colon_labels_the_quotation() -> None:
    text = "Titel\nEine Sprecherin der Feuerwehr: „Wir waren sofort vor Ort.“"
    assert _pairs(text, "de") == [("Wir waren sofort vor Ort.", "Sprecherin der Feuerwehr")]
    text = "Titel\nAnna Keller, Sprecherin des Vereins: „Wir bleiben.“"
    assert _pairs(text, "de") == [("Wir bleiben.", "Anna Keller")]


def test_german_publication_in_quotation_marks_after_a_cue_is_the_source() -> None:
    text = "Titel\n„Sie war eine Pionierin“, schrieb „Die Zeit“ in ihrem Porträt."
    assert _pairs(text, "de")[0] == ("Sie war eine Pionierin", "Zeit")
    # the demonstrative alone before a modal: the subject follows the verb
    text = "Titel\n„Wir haben uns verschätzt.“ Das musste Bauministerin Eva Lind am Montag einräumen."
    assert _pairs(text, "de") == [("Wir haben uns verschätzt.", "Eva Lind")]


def test_german_person_after_the_verb_is_the_subject_when_none_stands_before() -> None:
    text = "Titel\nDer Lokalzeitung sagte Ministerin Eva Lind: „Wir bauen weiter.“"
    assert _pairs(text, "de") == [("Wir bauen weiter.", "Eva Lind")]
    text = "Titel\nÄhnlich äußerte sich Landrat Tom Weiß: „Niemand muss sich sorgen.“"
    assert _pairs(text, "de") == [("Niemand muss sich sorgen.", "Tom Weiß")]
    text = "Titel\nSo heißt es in dem Bescheid: „Die Frist endet morgen.“"
    assert _pairs(text, "de") == [("Die Frist endet morgen.", "Bescheid")]


def test_german_phrase_right_after_a_quotation_opens_a_clause_of_its_own() -> None:
    # after a quotation the verb comes first in German ("„…“, sagte X"): "„…“, X nannte …" opens a new clause
    text = (
        "Titel\nDie Ministerin Mira Holt, die am Abend sprach, nannte die Kritik „unfair“, "
        "ihr Manager Tom Weiß bezeichnete sie als „haltlos“."
    )
    assert _pairs(text, "de")[0] == ("unfair", "Mira Holt")


def test_german_second_verb_after_und_shares_the_subject_of_the_first() -> None:
    text = "Titel\nIn ihrer Rede lobte Ministerin Eva Lind den Plan und nannte die Reform „überfällig“."
    assert _pairs(text, "de") == [("überfällig", "Eva Lind")]


def test_german_quotation_after_a_sentence_about_a_person_is_theirs() -> None:
    text = "Titel\nDer Bruder der Sängerin, Paul Holt, war beim Konzert dabei. „Sie war sehr nervös.“"
    assert _pairs(text, "de") == [("Sie war sehr nervös.", "Paul Holt")]


def test_german_so_closes_its_sentence_as_an_aside() -> None:
    text = "Titel\nDie Brücke müsse „noch in diesem Jahr“ saniert werden, so Bürgermeisterin Eva Lind."
    assert _pairs(text, "de") == [("noch in diesem Jahr", "Eva Lind")]


def test_german_seit_opens_a_phrase_and_dass_is_no_verb() -> None:
    text = "Titel\nSeit dem Frühjahr vertritt Landrat Tom Weiß die Ansicht, dass die Reform „zu teuer“ sei."
    assert _pairs(text, "de") == [("zu teuer", "Tom Weiß")]


def test_german_more_reporting_verbs() -> None:
    text = "Titel\n„Es klang wie ein Gewitter“, beschreibt ein Anwohner den Einsturz."
    assert _pairs(text, "de") == [("Es klang wie ein Gewitter", "Anwohner")]
    text = "Titel\nWie Landrat Tom Weiß meldete, sei die Straße „bis auf Weiteres“ gesperrt."
    assert _pairs(text, "de") == [("bis auf Weiteres", "Tom Weiß")]
    text = "Titel\nDen Vorwurf wies Landrat Tom Weiß als „völlig haltlos“ zurück."
    assert _pairs(text, "de") == [("völlig haltlos", "Tom Weiß")]
    text = "Titel\nDie Gewerkschaft begrüßte den „längst fälligen Schritt“."
    assert _pairs(text, "de") == [("längst fälligen Schritt", "Gewerkschaft")]


def test_german_subject_after_the_verb_named_in_commas_after_its_description() -> None:
    text = (
        "Titel\nSo hat sich etwa die Sprecherin des Vereins, Lena Hoff, gegen die Pläne gestellt "
        "und sie als „Zumutung“ bezeichnet."
    )
    assert _pairs(text, "de") == [("Zumutung", "Lena Hoff")]


def test_german_subjunctive_cue_belongs_to_what_the_earlier_cue_reports() -> None:
    text = "Titel\nDie Ministerin Lena Hoff bemängelt im Interview, die Schau erinnere „an ein Kaufhaus“."
    assert _pairs(text, "de") == [("an ein Kaufhaus", "Lena Hoff")]


def test_german_dative_in_the_first_place_is_no_subject() -> None:
    text = "Titel\nEiner großen Tageszeitung sagte Kofi Mensah: „Ich bleibe.“"
    assert _pairs(text, "de") == [("Ich bleibe.", "Kofi Mensah")]


def _mentions(text: str, code: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (quote.text, quote.speaker_name, quote.mention.text if quote.mention else None)
        for quote in quotebank.extract(text, language=code)
    ]


def test_french_speaker_after_the_cue_ends_before_a_listener_and_keeps_its_office() -> None:
    text = "Titre\n« Les négociations reprendront jeudi », a déclaré Sophie Moreau à l'AFP."
    assert _pairs(text, "fr") == [("Les négociations reprendront jeudi", "Sophie Moreau")]
    # "du" is an article and a preposition in one word: after a noun it links the office
    text = "Titre\n« Le calendrier sera tenu », a affirmé la porte-parole du ministère, Hélène Roux."
    assert _pairs(text, "fr") == [("Le calendrier sera tenu", "Hélène Roux")]
    # an adjective after an institution's noun is part of its name
    text = "Titre\n« Les aides seront versées avant l'été », a précisé la Banque centrale européenne."
    assert _pairs(text, "fr") == [("Les aides seront versées avant l'été", "Banque centrale européenne")]


def test_french_elided_article_is_no_part_of_the_name() -> None:
    text = "Titre\n« Aucune décision n'a été prise », a fait savoir l'Élysée."
    assert _pairs(text, "fr") == [("Aucune décision n'a été prise", "Élysée")]


def test_french_inverted_adjacent_cue_and_a_time_before_the_speaker() -> None:
    text = "Titre\nLa maire, Julie Garnier, a reçu les habitants.\n« Rien n'est joué », a-t-elle poursuivi."
    assert _pairs(text, "fr") == [("Rien n'est joué", "Julie Garnier")]
    text = "Titre\n« Nous irons jusqu'au bout », a assuré mardi Bernard Lucas."
    assert _pairs(text, "fr") == [("Nous irons jusqu'au bout", "Bernard Lucas")]


def test_french_quotation_inside_guillemets_is_one_quote() -> None:
    text = "Titre\n« Le préfet nous a répondu “pas maintenant”, puis il est parti », a raconté Marc Petit."
    assert _pairs(text, "fr") == [
        ("Le préfet nous a répondu “pas maintenant”, puis il est parti", "Marc Petit")
    ]


def test_french_clause_after_selon_is_no_apposition() -> None:
    text = "Titre\nSelon la Fédération hospitalière, le bilan reste « très lourd »."
    assert _mentions(text, "fr") == [("très lourd", "Fédération hospitalière", "la Fédération hospitalière")]


def test_french_view_opened_by_pour_is_the_names() -> None:
    text = "Titre\nPour Nathalie Girard, le projet de loi est « une occasion manquée »."
    assert _pairs(text, "fr") == [("une occasion manquée", "Nathalie Girard")]
    # a subject that can speak keeps the quotation; a phrase with no name holds no view
    text = "Titre\nPour Noël, le maire Paul Roux a promis « des illuminations »."
    assert _pairs(text, "fr") == [("des illuminations", "Paul Roux")]
    text = "Titre\nPour la première fois, le budget est « à l'équilibre »."
    assert _pairs(text, "fr") == [("à l'équilibre", None)]


def test_mention_keeps_the_closing_bracket_of_an_age_or_party() -> None:
    text = "Titel\nMarkus Roth (61) sagte: „Ich habe so etwas noch nie erlebt.“"
    assert _mentions(text, "de") == [
        ("Ich habe so etwas noch nie erlebt.", "Markus Roth", "Markus Roth (61)")
    ]
    text = "Titel\nLandrat Uwe Pohl (CDU) erklärte: „Die Straße bleibt gesperrt.“"
    assert _mentions(text, "de") == [("Die Straße bleibt gesperrt.", "Uwe Pohl", "Landrat Uwe Pohl (CDU)")]


def test_german_compound_ending_in_a_short_title_is_an_office() -> None:
    text = "Titel\n„Wir lassen uns nicht einschüchtern“, sagte Betriebsratschef Florian Engel."
    assert _mentions(text, "de") == [
        ("Wir lassen uns nicht einschüchtern", "Florian Engel", "Betriebsratschef Florian Engel")
    ]


def test_german_so_between_commas_is_an_aside_naming_the_speaker() -> None:
    text = "Titel\nDie Förderung müsse sich, so Katrin Vogt, „auf die kleinen Betriebe“ konzentrieren."
    assert _pairs(text, "de") == [("auf die kleinen Betriebe", "Katrin Vogt")]


def test_german_adverb_alone_before_a_closing_participle_is_no_subject() -> None:
    text = "Titel\nDer Vermieter habe darin erklärt, die Wohnung sei „einwandfrei“ übergeben worden."
    assert _pairs(text, "de") == [("einwandfrei", "Vermieter")]


def test_a_lowercase_web_address_is_one_word() -> None:
    text = "ein Bericht auf tagesschau.de und news.example.co.uk."
    words = [token.text for token in tokenize(language("de"), text, 0, len(text), [])]
    assert words == ["ein", "Bericht", "auf", "tagesschau.de", "und", "news.example.co.uk", "."]
    text = "Titel\n„Die Lage ist ruhig“, zitiert hr.de den Einsatzleiter Jonas Fuchs."
    assert _pairs(text, "de") == [("Die Lage ist ruhig", "Jonas Fuchs")]


def test_german_suspended_compound_is_one_word_so_the_clause_reads_back_to_its_subject() -> None:
    text = "Titel\nKeller hatte vor allem die Rolle der Lehrer- und Elternverbände betont: „Ohne sie nicht.“"
    assert _pairs(text, "de") == [("Ohne sie nicht.", "Keller")]
    text = "die Ein- und Ausfuhr"
    words = [token.text for token in tokenize(language("de"), text, 0, len(text), [])]
    assert words == ["die", "Ein-", "und", "Ausfuhr"]


def test_plural_present_like_the_infinitive_is_a_cue_after_a_quotation_that_closes_its_clause() -> None:
    text = "Titel\nDie Frage bleibt offen. Also: „Wer soll das bezahlen?“ fragen sich die Anwohner."
    assert _pairs(text, "de") == [("Wer soll das bezahlen?", "Anwohner")]
    # a quotation inside its clause: the word after it is no verb with its speaker after it
    text = 'Title\nJane Doe said the effort would head off "more radical" protest plans.'
    assert [quote.speaker_name for quote in quotebank.extract(text)] == ["Jane Doe"]


def test_office_of_a_place_names_no_one() -> None:
    text = "Titre\n« Les travaux commenceront en mars », a annoncé l'adjointe au maire de Lyon."
    assert _pairs(text, "fr") == [("Les travaux commenceront en mars", "adjointe au maire de Lyon")]
    text = "Title\n“The bridge will reopen in May,” said the mayor of London."
    assert [quote.speaker_name for quote in quotebank.extract(text)] == ["mayor of London"]


def test_french_view_opened_by_pour_keeps_the_name_before_its_apposition() -> None:
    text = "Titre\nPour Sylvie Marchand, porte-parole du collectif, la décision est « un recul »."
    assert _pairs(text, "fr") == [("un recul", "Sylvie Marchand")]


def test_french_opening_phrase_with_devant_is_no_name() -> None:
    text = (
        "Titre\nLa préfète, Agnès Morel, s'est rendue à Rouen.\n"
        "Devant les commerçants, elle a déclaré : « Les aides arriveront en avril. »"
    )
    assert _pairs(text, "fr") == [("Les aides arriveront en avril.", "Agnès Morel")]


def test_cue_used_only_near_a_quotation_takes_one_after_its_preposition() -> None:
    text = (
        "Titel\nDer Verband lobte den Plan. Seine Präsidentin Sabine Hartmann sprach von einem "
        "„wichtigen Signal“."
    )
    assert _pairs(text, "de") == [("wichtigen Signal", "Sabine Hartmann")]


def test_organisation_with_its_seat_is_named_by_the_organisation() -> None:
    text = "Titel\nDas Verkehrsministerium in Mainz teilte mit, die Brücke sei „nicht mehr zu retten“."
    assert _pairs(text, "de") == [("nicht mehr zu retten", "Verkehrsministerium")]


def test_french_organisation_name_goes_on_after_its_preposition_and_article() -> None:
    text = "Titre\nSelon l'Observatoire des inégalités, l'écart est « le plus élevé depuis 2010 »."
    assert _pairs(text, "fr") == [("le plus élevé depuis 2010", "Observatoire des inégalités")]


@pytest.mark.parametrize(
    ("text", "code", "published"),
    [
        ("Neubau gestoppt\nKiel, 3. März 2026\nDer Stadtrat hat den Neubau gestoppt.", "de", "2026-03-03"),
        ("Grève à la SNCF\nParis, 5 mars 2026 (AFP)\nLa grève a perturbé le trafic.", "fr", "2026-03-05"),
        ("Grève à la SNCF\nLyon, 1er mars 2026\nLa grève a perturbé le trafic.", "fr", "2026-03-01"),
    ],
)
def test_a_dateline_with_a_place_keeps_its_day(text: str, code: str, published: str) -> None:
    # the day with its ordinal mark ("3.", "1er") was lost to the month, and a wire agency after the date
    # ("(AFP)") hid the date line
    article = quotebank.parse_article(text, language=code)
    assert str(article.published) == published
    assert article.paragraphs[1].kind is ParagraphKind.METADATA
