"""The documentation works: every Python example in the README, in docs/ and in the docstrings runs and
shows what it says; the tutorial notebook runs and its stored outputs are those of a fresh run; the API
reference builds without a warning or a broken reference; links between the documents lead somewhere."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
import regex

import quotebank
from tests.conftest import ROOT

DOCS = ROOT / "docs"
MARKDOWN = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
_FENCE = regex.compile(
    r"(?:<!--\s*requires:\s*(?P<requires>[\w.]+)\s*-->\s*\n)?^```(?P<language>\w*)[^\n]*\n(?P<code>.*?)^```",
    regex.MULTILINE | regex.DOTALL,
)
_LINK = regex.compile(r"\]\((?P<target>[^)\s#]+)(?:#[^)]*)?\)")
_DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotebank_docs_build", DOCS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


builder = _load_builder()


@attrs.frozen
class CodeBlock:
    path: Path
    line: int
    language: str
    code: str
    requires: str | None

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def code_blocks(path: Path) -> Iterator[CodeBlock]:
    text = path.read_text(encoding="utf-8")
    for found in _FENCE.finditer(text):
        line = text.count("\n", 0, found.start("code"))
        yield CodeBlock(path, line, found["language"], found["code"], found["requires"])


def python_blocks(path: Path) -> list[CodeBlock]:
    return [block for block in code_blocks(path) if block.language in ("python", "py", "pycon")]


def run_block(block: CodeBlock, namespace: dict[str, Any]) -> None:
    """A block with ``>>>`` prompts runs as a doctest (its printed output must match); another runs as a
    script. Both share ``namespace`` with the blocks before them in the same document."""
    if ">>>" in block.code:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block.code, namespace, block.name, str(block.path), block.line)
        runner = doctest.DocTestRunner(optionflags=_DOCTEST_FLAGS)
        runner.run(test, clear_globs=False)
        namespace.update(test.globs)  # the test ran on a copy
        assert runner.failures == 0, (
            f"{block.name}: {runner.failures} example(s) failed (see the output above)"
        )
    else:
        exec(compile(block.code, block.name, "exec"), namespace)


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_python_examples_of_a_document_run_and_show_what_they_say(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # the examples name files as seen from the top of the repository
    namespace: dict[str, Any] = {"__name__": "__main__"}
    for block in python_blocks(path):
        if block.requires is None:
            run_block(block, namespace)


OPTIONAL_BLOCKS = [block for path in MARKDOWN for block in python_blocks(path) if block.requires is not None]


@pytest.mark.parametrize("block", OPTIONAL_BLOCKS, ids=lambda block: block.name)
def test_an_example_that_needs_an_optional_package_runs_when_it_is_installed(
    block: CodeBlock, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert block.requires is not None
    if importlib.util.find_spec(block.requires) is None:
        pytest.skip(f"{block.requires} is not installed; the example at {block.name} needs it")
    monkeypatch.chdir(ROOT)
    run_block(block, {"__name__": "__main__"})


def test_the_documents_have_python_examples() -> None:
    assert python_blocks(ROOT / "README.md")
    assert python_blocks(DOCS / "index.md")
    assert any(block.requires == "pyspark" for block in OPTIONAL_BLOCKS)


def test_a_failing_example_fails_the_test(tmp_path: Path) -> None:
    document = tmp_path / "broken.md"
    document.write_text("```python\n>>> 1 + 1\n3\n\n```\n", encoding="utf-8")
    [block] = python_blocks(document)
    with pytest.raises(AssertionError, match="1 example"):
        run_block(attrs.evolve(block, path=ROOT / "broken.md"), {})


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda path: str(path.relative_to(ROOT)))
def test_links_between_documents_lead_somewhere(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    local = [found["target"] for found in _LINK.finditer(text) if "://" not in found["target"]]
    missing = [target for target in local if not (path.parent / target).exists()]
    assert missing == []


MODULES = [
    found.name
    for found in pkgutil.walk_packages(quotebank.__path__, prefix="quotebank.")
    # the command line's examples are shell, tested with the CLI
    if found.name not in ("quotebank.__main__", "quotebank.cli")
]


@pytest.mark.parametrize("name", ["quotebank", *MODULES])
def test_the_examples_in_docstrings_run(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=_DOCTEST_FLAGS)
    for test in finder.find(module, name):
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) of {name} failed (see above)"


def test_the_api_reference_builds_without_warnings_or_broken_references(tmp_path: Path) -> None:
    problems = builder.build(tmp_path)
    assert problems == []
    pages = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.html")}
    assert {
        "quotebank.html",
        "quotebank/scale/processes.html",
        "quotebank/scale/tables.html",
        "quotebank/collection/bank.html",
        "quotebank/readers/webpages.html",
    } <= pages
    assert not any("_pipeline" in page for page in pages)  # the pipeline is private
    reference = (tmp_path / "quotebank.html").read_text(encoding="utf-8")
    assert 'id="extract_many"' in reference
    tables = (tmp_path / "quotebank" / "scale" / "tables.html").read_text(encoding="utf-8")
    assert 'href="../../quotebank.html#extract_many"' in tables  # a docstring's reference became a link


def test_the_api_reference_builds_as_the_readme_says(tmp_path: Path) -> None:
    # as a user runs it: from the repository root, where the checkout's quotebank folder sits beside the
    # copy the README's `pip install` put in site-packages (pdoc once refused to choose between them)
    result = subprocess.run(
        [sys.executable, "docs/build.py", "--api-only", "--output", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problems" in result.stdout
    assert (tmp_path / "quotebank" / "collection" / "bank.html").exists()


def test_a_broken_reference_in_a_docstring_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "reference_check_example"
    package.mkdir()
    (package / "__init__.py").write_text(
        '"""Uses :func:`helper`, :class:`pathlib.Path` and :meth:`Thing.run`."""\n\n'
        "class Thing:\n"
        '    """See :meth:`run`, :attr:`size` and :func:`~reference_check_example.gone`."""\n\n'
        "    size = 1\n\n"
        "    def run(self) -> None:\n"
        '        """Like :func:`missing_helper`."""\n\n\n'
        "def helper() -> None:\n"
        '    """Nothing."""\n',
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert builder.broken_references(["reference_check_example"]) == [
        "reference_check_example.Thing.run: :func:`missing_helper` refers to nothing",
        "reference_check_example.Thing: :func:`~reference_check_example.gone` refers to nothing",
    ]


def test_the_tutorial_runs_and_its_stored_outputs_are_fresh(tmp_path: Path) -> None:
    import nbformat  # noqa: PLC0415 -- only this test needs it

    fresh = builder.execute_notebook(builder.TUTORIAL, tmp_path)
    assert (tmp_path / "marsh-on-the-barrier.csv").exists()  # the export step wrote its spreadsheet
    stored = nbformat.read(builder.TUTORIAL, as_version=4)
    assert builder.notebook_outputs(fresh) == builder.notebook_outputs(stored), (
        "docs/tutorial.ipynb shows outputs that a fresh run no longer gives: "
        "run `python docs/build.py` to refresh them, and check that the tutorial's text still fits"
    )


def test_a_stream_cut_into_parts_shows_the_same_as_one_part() -> None:
    nbformat = pytest.importorskip("nbformat")
    whole = nbformat.v4.new_output("stream", name="stdout", text="a\nb\n")
    first = nbformat.v4.new_output("stream", name="stdout", text="a\n")
    second = nbformat.v4.new_output("stream", name="stdout", text="b\n")
    changed = nbformat.v4.new_output("stream", name="stdout", text="c\n")

    def notebook(*outputs: object) -> object:
        cell = nbformat.v4.new_code_cell("print('a'); print('b')")
        cell.outputs = list(outputs)
        return nbformat.v4.new_notebook(cells=[cell])

    assert builder.notebook_outputs(notebook(first, second)) == builder.notebook_outputs(notebook(whole))
    assert builder.notebook_outputs(notebook(first, changed)) != builder.notebook_outputs(notebook(whole))
