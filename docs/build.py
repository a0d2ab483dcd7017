"""Build the documentation: the API reference from the docstrings, and the tutorial notebook's outputs.

``python docs/build.py`` writes the API reference with pdoc to ``build/api`` (``--output DIR`` to choose) and
exits with status 1, listing the problems, when pdoc warned about anything or a docstring refers to
something that does not exist (``:func:`quotebank.no_such_thing```): pdoc would render such a reference as
plain code, silently. It then runs the tutorial notebook, in a scratch folder with a copy of its articles,
and stores the fresh outputs in ``docs/tutorial.ipynb``. The test suite runs the same build, and fails
when the notebook's stored outputs differ from a fresh run.
"""

from __future__ import annotations

import argparse
import builtins
import importlib
import pkgutil
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import nbclient
import nbformat
import pdoc
import pdoc.doc
import pdoc.render
import regex

__all__ = [
    "TUTORIAL",
    "broken_references",
    "build",
    "execute_notebook",
    "main",
    "notebook_outputs",
    "public_modules",
    "refresh_notebook",
]

DOCS = Path(__file__).resolve().parent
# The reference documents the package in this checkout, also where a copy of it is installed (``pip install
# .``): with the checkout first on the path, the name ``quotebank`` means one thing to pdoc and to Python.
if str(DOCS.parent) not in sys.path:
    sys.path.insert(0, str(DOCS.parent))
TUTORIAL = DOCS / "tutorial.ipynb"
_NOTEBOOK_DATA = ("articles",)
"""What a notebook in docs/ reads, copied beside it into the scratch folder where it runs."""
_COMPARED_OUTPUTS = ("text/plain", "text/html")

_ROLE = regex.compile(
    r":(?:py:)?(?:func|class|meth|mod|data|attr|exc|obj|const):`~?(?P<text>[^`<]+?)\s*(?:<(?P<target>[^>`]+)>)?`"
)


def public_modules(package: str = "quotebank") -> list[str]:
    """The package and its modules and subpackages, at any depth, whose names do not start with ``_``, as pdoc
    should document them.
    """
    root = importlib.import_module(package)
    found = [package]
    for module in pkgutil.iter_modules(root.__path__):
        if module.name.startswith("_"):
            continue
        name = f"{package}.{module.name}"
        found.extend(public_modules(name) if module.ispkg else [name])
    return found


def _docstrings(module: pdoc.doc.Module) -> Iterator[tuple[str, str, str | None, str]]:
    """``(module, qualified name, class, docstring)`` of the module and of everything it documents, where
    ``module`` is where the thing is defined and ``class`` the class it is or belongs to."""
    pending: list[pdoc.doc.Doc] = [module]  # type: ignore[type-arg]
    while pending:
        doc = pending.pop()
        # a variable's value (a type alias, say) may come from elsewhere; its docstring is where it is set
        home, qualname = (
            (doc.modulename, doc.qualname) if isinstance(doc, pdoc.doc.Variable) else doc.taken_from
        )
        owner = qualname if isinstance(doc, pdoc.doc.Class) else qualname.rpartition(".")[0] or None
        yield home, qualname, owner, doc.docstring
        if isinstance(doc, pdoc.doc.Namespace):
            pending.extend(doc.own_members if isinstance(doc, pdoc.doc.Class) else doc.members.values())


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return len(parts) == 1 and hasattr(builtins, dotted)


def broken_references(modules: Sequence[str]) -> list[str]:
    """Every reference in the docstrings of ``modules`` whose target does not exist, as ``where: role``.

    A target is looked up as written, then in the docstring's module, then in its class (as Sphinx does).
    """
    problems = []
    for name in modules:
        for home, qualname, owner, docstring in _docstrings(pdoc.doc.Module.from_name(name)):
            for found in _ROLE.finditer(docstring):
                target = (found["target"] or found["text"]).removesuffix("()")
                places = [target, f"{home}.{target}"] + ([f"{home}.{owner}.{target}"] if owner else [])
                if not any(_resolves(place) for place in places):
                    problems.append(f"{home}.{qualname}: {found[0]} refers to nothing")
    return sorted(set(problems))


def build(output: Path, modules: Sequence[str] | None = None) -> list[str]:
    """Write the reference of ``modules`` (by default :func:`public_modules`) to ``output``; return the
    problems found: pdoc's warnings and :func:`broken_references`."""
    modules = list(modules) if modules is not None else public_modules()
    pdoc.render.configure(docformat="restructuredtext", footer_text="quotebank")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # pdoc documents the modules of a subpackage it is given: naming them too would add each twice
        pdoc.pdoc(*(m for m in modules if m.count(".") <= 1), output_directory=output)
    problems = [f"pdoc: {warning.message}" for warning in caught]
    return problems + broken_references(modules)


def execute_notebook(path: Path, workdir: Path) -> Any:
    """The notebook at ``path`` after running every cell in ``workdir``, where the data it reads is copied
    first (so that the files it writes land there); raises on the first cell that fails."""
    for name in _NOTEBOOK_DATA:
        if (path.parent / name).exists():
            shutil.copytree(path.parent / name, workdir / name, dirs_exist_ok=True)
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()
    nbformat.validate(notebook)
    return notebook


def notebook_outputs(notebook: Any) -> list[list[tuple[str, str]]]:
    """What each code cell shows: its printed text and its results as text and HTML, in order."""
    shown = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            if output.output_type == "stream":
                # how a kernel cuts one stream into outputs depends on timing: consecutive parts are one
                if outputs and outputs[-1][0] == output.name:
                    outputs[-1] = (output.name, outputs[-1][1] + output.text)
                else:
                    outputs.append((output.name, output.text))
            elif output.output_type in ("execute_result", "display_data"):
                outputs += [(kind, output.data[kind]) for kind in _COMPARED_OUTPUTS if kind in output.data]
            else:
                outputs.append((output.output_type, str(output.get("evalue", ""))))
        shown.append(outputs)
    return shown


def refresh_notebook(path: Path) -> bool:
    """Run the notebook at ``path`` and store its fresh outputs there; whether they changed."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = execute_notebook(path, Path(scratch))
    stored = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    if notebook_outputs(fresh) == notebook_outputs(stored):
        return False
    nbformat.write(fresh, path)  # type: ignore[no-untyped-call]
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the API reference and refresh the tutorial.")
    parser.add_argument("--output", type=Path, default=Path("build") / "api")
    parser.add_argument("--api-only", action="store_true", help="build the API reference, leave the tutorial")
    options = parser.parse_args(argv)
    problems = build(options.output)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"API reference in {options.output}: {len(problems)} problems")
    if options.api_only:
        return 1 if problems else 0
    changed = refresh_notebook(TUTORIAL)
    print(f"{TUTORIAL.name}: {'outputs refreshed' if changed else 'outputs up to date'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
