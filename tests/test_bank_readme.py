"""The README's QuoteBank example shows its real output: run it as a doctest."""

from __future__ import annotations

import doctest

import pytest

from tests.conftest import ROOT

_HEADING = "## Many articles: QuoteBank"


def test_the_readme_example_gives_the_output_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(_HEADING)
    section = readme[start : readme.index("\n## ", start + len(_HEADING))]
    monkeypatch.chdir(ROOT)  # the example reads the seeds by their path in the repository
    test = doctest.DocTestParser().get_doctest(section, {}, "README.md", str(ROOT / "README.md"), 0)
    assert len(test.examples) > 5
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
