"""The nbconvert pipeline every output shares: execute in handout mode, remove tagged cells, clear outputs.

Each output (the two handout editions, the slides, the student edition) is named in
``helpers.tags``, which says which cells it leaves out; the preprocessors here apply that.
The handout mode reaches figures and explorers through the kernel: :class:`HandoutExecutor`
runs :data:`HANDOUT_SETUP` before the notebook's first cell, and no environment variable
is involved.

>>> from nbformat.v4 import new_code_cell, new_notebook
>>> nb = new_notebook(cells=[new_code_cell("1", metadata={"tags": ["solution"]}), new_code_cell("2")])
>>> [c.source for c in remove_tagged(nb, "student edition").cells]
['2']
"""

from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path

import jinja2
import nbformat
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from nbconvert.preprocessors import ClearOutputPreprocessor, ExecutePreprocessor, TagRemovePreprocessor
from traitlets.config import Config

from helpers import paths, tags

try:  # locks between concurrent builds (the test workers); Windows builds run one at a time
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
TIMEOUT_S = 120
#: Where ``make handouts`` and ``make slides`` keep executed notebooks, so one run serves both.
EXECUTED_DIR = paths.BUILD_DIR / "executed"
#: Run in the kernel before a notebook's first cell when building handouts and slides.
HANDOUT_SETUP = "from helpers import plots as _plots\n_plots.set_handout_mode(True)\ndel _plots"


class HandoutExecutor(ExecutePreprocessor):
    """Execute a notebook in a fresh kernel in handout mode: figures compact, explorers precomputed."""

    def preprocess(self, nb, resources=None, km=None):
        setup = nbformat.v4.new_code_cell(HANDOUT_SETUP)
        nb.cells.insert(0, setup)
        try:
            nb, resources = super().preprocess(nb, resources, km=km)
        finally:
            nb.cells.remove(setup)
        return nb, resources


def execute(path: Path, cache: Path | None = None) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, in handout mode (precomputed explorers).

    With ``cache``, the executed notebook is kept there under a key of everything it depends on
    (:func:`inputs_key`), and a second call with the same inputs reads it back instead of running
    it again: the handouts, the slides and the tests then share one execution. Concurrent callers
    (the test workers) wait for each other on a lock, so a notebook is never run twice at once.
    """
    if cache is None:
        return _run(path)
    nb = _from_cache(path, cache, wait=True)
    assert nb is not None
    return nb


def execute_many(notebooks: list[Path], cache: Path | None = None) -> dict[Path, nbformat.NotebookNode]:
    """:func:`execute` each notebook; with ``cache``, first those no other process is running right now.

    Two test workers that both need every notebook then run different ones side by side.
    """
    done: dict[Path, nbformat.NotebookNode] = {}
    if cache is not None:
        for path in notebooks:
            nb = _from_cache(path, cache, wait=False)
            if nb is not None:
                done[path] = nb
    return {path: done[path] if path in done else execute(path, cache) for path in notebooks}


def _from_cache(path: Path, cache: Path, *, wait: bool) -> nbformat.NotebookNode | None:
    """The executed notebook from ``cache``, running it first if needed; None if busy and not ``wait``."""
    cache.mkdir(parents=True, exist_ok=True)
    kept = cache / f"{path.stem}-{inputs_key(path)[:16]}.ipynb"
    with open(cache / f"{path.stem}.lock", "w") as lock:
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                return None
        if not kept.exists():
            partial = kept.with_suffix(".partial")
            nbformat.write(_run(path), partial)
            partial.replace(kept)
    return nbformat.read(kept, as_version=4)


def _run(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    executor = HandoutExecutor(
        timeout=TIMEOUT_S, kernel_name="python3",
        # The kernel's own start-up warnings (TCP transport) are noise in a build log.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    executor.preprocess(nb, {"metadata": {"path": str(path.parent)}})
    return nb


def inputs_key(path: Path) -> str:
    """A digest of a notebook and of everything its execution reads: the package, its data and the seeds.

    >>> from helpers.paths import NOTEBOOKS_DIR
    >>> key = inputs_key(NOTEBOOKS_DIR / "00-start-here.ipynb")
    >>> len(key), key == inputs_key(NOTEBOOKS_DIR / "00-start-here.ipynb")
    (64, True)
    """
    digest = hashlib.sha256(path.read_bytes())
    for folder in (paths.PACKAGE_DIR, paths.SEEDS_DIR, path.parent):
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.suffix in _INPUT_SUFFIXES and "__pycache__" not in f.parts:
                digest.update(str(f.relative_to(folder)).encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()


_INPUT_SUFFIXES = {".py", ".csv", ".toml", ".txt", ".j2", ".css", ".js", ".json"}


def exporter_config(output: str, exporter: str) -> Config:
    """The traitlets config of ``exporter`` (e.g. ``"HTMLExporter"``) for one output named in ``helpers.tags``.

    >>> c = exporter_config("slides", "SlidesExporter")
    >>> sorted(c.TagRemovePreprocessor.remove_input_tags)
    ['hide-input']
    """
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = set(tags.removed_in(output))
    c.TagRemovePreprocessor.remove_input_tags = set(tags.input_hidden_in(output))
    c[exporter].exclude_input_prompt = True
    c[exporter].exclude_output_prompt = True
    return c


def remove_tagged(nb: nbformat.NotebookNode, output: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` without the cells ``output`` leaves out (the same preprocessor the exporters use)."""
    remover = TagRemovePreprocessor(config=exporter_config(output, "NotebookExporter"))
    out, _ = remover.preprocess(copy.deepcopy(nb), {})
    return out


def cell_treatment(cell, output: str) -> str:
    """What ``output`` does with one cell, from its tags (``helpers.tags``); ``"shown"`` if untagged.

    >>> from nbformat.v4 import new_markdown_cell
    >>> cell_treatment(new_markdown_cell("x", metadata={"tags": ["model-answer"]}), "student handout")
    'folded'
    """
    for tag in cell.metadata.get("tags", []):
        how = tags.treatment(tag, output)
        if how != tags.SHOWN:
            return how
    return tags.SHOWN


def prepare(nb: nbformat.NotebookNode, output: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` as ``output`` shows it: tagged cells removed, exercise outputs left out, model
    answers collapsed (``jupyter.source_hidden``) where ``helpers.tags`` says so.

    The handout templates then draw the answer boxes and the folds from the same table.

    >>> from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
    >>> nb = new_notebook(cells=[
    ...     new_code_cell("answer = ...", metadata={"tags": ["exercise"]}, outputs=[new_output("stream", text="x")]),
    ...     new_markdown_cell("A good answer...", metadata={"tags": ["model-answer"]})])
    >>> handout = prepare(nb, "student handout")
    >>> handout.cells[0].outputs, nb.cells[0].outputs != []
    ([], True)
    >>> prepare(nb, "student edition").cells[1].metadata["jupyter"]
    {'source_hidden': True}
    """
    out = remove_tagged(nb, output)
    for cell in out.cells:
        how = cell_treatment(cell, output)
        if how in (tags.PROMPT, tags.PROMPT_AND_BOX) and cell.cell_type == "code":
            cell.outputs = []
        elif how == tags.COLLAPSED:
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    return out


def clear_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with every output and execution count cleared.

    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> nb = new_notebook(cells=[new_code_cell("1", outputs=[new_output("stream", text="1")])])
    >>> clear_outputs(nb).cells[0].outputs
    []
    """
    out, _ = ClearOutputPreprocessor().preprocess(copy.deepcopy(nb), {})
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.execution_count = None
    return out


def page_resources(title: str, output: str = "instructor handout") -> dict:
    """The nbconvert resources of one page: its title, the kit's inline CSS and script, and what the
    output does with each tag (the template draws answer boxes and folds from it).

    >>> page_resources("00 · Start here", "student handout")["treatments"]["response"]
    'answer box'
    """
    here = TEMPLATE_DIR / "handout"
    return {
        "metadata": {"name": title},
        "treatments": tags.treatments(output),
        "handout_css": (here / "handout.css").read_text(encoding="utf-8"),
        "handout_js": (here / "handout.js").read_text(encoding="utf-8"),
    }


def inline_markdown(text: str) -> str:
    """One line of Markdown (code spans, emphasis) as HTML, without the paragraph around it.

    >>> inline_markdown("Use `load()`")
    'Use <code>load()</code>'
    """
    return re.sub(r"^<p>|</p>\s*$", "", markdown2html_mistune(text).strip())


def render_page(name: str, **context) -> str:
    """A stand-alone page from ``helpers/templates/pages/<name>.html.j2`` (HTML-escaped by default)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR / "pages"), autoescape=True,
                             keep_trailing_newline=True)
    css = (TEMPLATE_DIR / "handout" / "handout.css").read_text(encoding="utf-8")
    return env.get_template(f"{name}.html.j2").render(css=css, **context)


def select(outlines: list, only: list[str] | None) -> list:
    """The outlines named in ``only`` (all when None); unknown names are an error."""
    if not only:
        return outlines
    unknown = sorted(set(only) - {o.slug for o in outlines})
    if unknown:
        raise ValueError(f"unknown notebooks {unknown}; notebooks: {', '.join(o.slug for o in outlines)}")
    return [o for o in outlines if o.slug in only]
