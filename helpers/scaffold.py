"""Take the method to a new article: scaffold its seed, an empty claims table and a notebook.

``make new-article NAME=... TEXT=... OUTLET=... HEADLINE=... DATE=YYYY-MM-DD`` writes

- ``seeds/<name>.txt`` (the text exactly as given) and ``seeds/<name>.toml`` (its metadata),
- ``seeds/<name>.claims.csv``: the claims ledger's header, for the student to fill in,
- ``notebooks/NN-<name>.ipynb``: a notebook in the kit's template (it passes the lint and runs),
- ``helpers/exercises/nbNN.py``: its self-check question,

where NN is the first free number from 10 up.  Nothing existing is overwritten.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
from pathlib import Path

from helpers.article import CLAIM_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
FIRST_NUMBER = 10
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# The outline is plain data; nbformat is imported only to write the notebook file (importing it
# costs about 2 s: its schema validator compiles a grammar), so a notebook that shows the outline
# (05 does) does not pay for it.


def _md(source: str) -> dict:
    return {"cell_type": "markdown", "source": source, "tags": []}


def _code(source: str, tags: tuple[str, ...] = ()) -> dict:
    return {"cell_type": "code", "source": source.strip("\n"), "tags": list(tags)}


def cells(number: str, name: str, headline: str, outlet: str, first: str) -> list[dict]:
    """The new article's notebook in the kit's template, as plain cells (type, source, tags).

    >>> outline = cells("10", "x", "A headline", "An outlet", "First paragraph.")
    >>> outline[0]["source"].splitlines()[0], outline[-1]["tags"]
    ('# 10 · Checking a new article', ['hide-input'])
    """
    md = _md
    return [
        md(f"# {number} · Checking a new article\n\n"
           f"*{headline}* ({outlet}). This notebook applies the kit's method to it: number the "
           "paragraphs, find the claims, decide which data could check each one.\n\n"
           f"> **P1:** {first}"),
        md("**What you will learn**\n- Number an article's paragraphs and quote them exactly.\n"
           "- Tell statistics, events, attributions and opinions apart.\n"
           "- Record each claim with the evidence that could settle it.\n\n"
           "**Time**\nabout 45 minutes: 15 reading, 30 recording claims.\n\n"
           "**Before you start**\nNotebooks 00 and 01, and the capstone (05)."),
        _code("from IPython.display import HTML, Markdown\n\n"
              "from helpers import article, data, plots\nfrom helpers.checks import check\n\n"
              "plots.use_style()"),
        md("## The article, paragraph by paragraph\n\nParagraph *N* is line *N* of the seed file."),
        _code(f'paragraphs = article.paragraphs("{name}")\nlen(paragraphs)'),
        md("**Question:** which paragraph carries the article's main claim?"),
        md("## Recording the claims\n\nThe ledger `seeds/" + name + ".claims.csv` starts empty. Add one row "
           "per checkable claim, with the paragraph's exact words (the kit checks them)."),
        _code(f'claims = article.claims("{name}")\nclaims'),
        md("### Your turn\n\nHow many paragraphs does the article have?"),
        _code(f'n_paragraphs = ...\ncheck("nb{number}-paragraphs", n_paragraphs)', ("exercise",)),
        _code(f'n_paragraphs = len(article.paragraphs("{name}"))\n'
              f'check("nb{number}-paragraphs", n_paragraphs)', ("solution",)),
        md("**Question:** which of the claims could public data settle, and which only a reporter could?"),
        md("## What the article got right, and what it did not\n\nFill in once the claims have verdicts."),
        md("## Summary\n- The article, numbered and quoted exactly.\n- A ledger of its claims.\n\n"
           "## Going further\n- Build a dataset for one claim (README: how to add a dataset).\n\n## Sources"),
        _code("Markdown(data.sources_markdown())", ("hide-input",)),
    ]


def notebook(number: str, name: str, headline: str, outlet: str, first: str):
    """The new article's notebook (an nbformat NotebookNode) built from :func:`cells`."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nodes = []
    for cell in cells(number, name, headline, outlet, first):
        make = new_code_cell if cell["cell_type"] == "code" else new_markdown_cell
        node = make(cell["source"])
        if cell["tags"]:
            node.metadata["tags"] = cell["tags"]
        nodes.append(node)
    return new_notebook(cells=nodes, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })


def next_number(root: Path = ROOT) -> str:
    """The first notebook number from 10 up that no notebook uses.

    >>> int(next_number()) >= 10
    True
    """
    used = {p.name[:2] for p in (root / "notebooks").glob("*.ipynb")}
    n = FIRST_NUMBER
    while f"{n:02d}" in used:
        n += 1
    return f"{n:02d}"


def new_article(name: str, text: Path, *, outlet: str, headline: str, published: str,
                root: Path = ROOT) -> dict[str, Path]:
    """Scaffold a new article under ``root``; return the files written (see the module doc)."""
    if not _SLUG.match(name):
        raise ValueError(f"name {name!r} must be lower-case words joined by dashes, like 'eu-chips-2026'")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise ValueError(f"published {published!r} must be an ISO date, YYYY-MM-DD")
    text = Path(text)
    if not text.is_file():
        raise FileNotFoundError(f"{text}: no such text file (one paragraph per line)")
    raw = text.read_bytes()
    lines = raw.decode("utf-8").splitlines()
    if not lines:
        raise ValueError(f"{text} is empty")
    number = next_number(root)
    files = {
        "seed": root / "seeds" / f"{name}.txt",
        "metadata": root / "seeds" / f"{name}.toml",
        "claims": root / "seeds" / f"{name}.claims.csv",
        "notebook": root / "notebooks" / f"{number}-{name}.ipynb",
        "questions": root / "helpers" / "exercises" / f"nb{number}.py",
    }
    existing = [str(p) for p in files.values() if p.exists()]
    if existing:
        raise FileExistsError(f"not overwriting {', '.join(existing)}")
    shutil.copyfile(text, files["seed"])

    def q(s: str) -> str:
        return s.replace("\\", "\\\\").replace('"', '\\"')

    files["metadata"].write_text(
        f'file = "{name}.txt"\noutlet = "{q(outlet)}"\nheadline = "{q(headline)}"\n'
        f'published = "{published}"\nmachine_translated = false\nparagraphs = {len(lines)}\n'
        f'paragraph_rule = "Paragraph N is line N of the text file."\n'
        f'sha256 = "{hashlib.sha256(raw).hexdigest()}"\n'
    )
    files["claims"].write_text(",".join(CLAIM_COLUMNS) + "\n")
    first = lines[0] if len(lines[0]) <= 300 else lines[0][:300].rsplit(" ", 1)[0] + " …"
    import nbformat

    nbformat.write(notebook(number, name, headline, outlet, first.replace("$", "\\$")), files["notebook"])
    files["questions"].write_text(
        f'"""Questions for notebook {number} (scaffolded for {name})."""\n\n'
        "from helpers import article\nfrom helpers.exercises import Number\n\n"
        f'QUESTIONS = {{\n    "nb{number}-paragraphs": Number(\n'
        f'        expected=lambda: len(article.paragraphs("{name}")), rel_tol=0, abs_tol=0,\n'
        '        hint="Count the lines of the seed file, or use article.paragraphs(...).",\n    ),\n}\n'
    )
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.scaffold", description=__doc__.split("\n")[0])
    parser.add_argument("--name", required=True, help="short name, lower-case-with-dashes")
    parser.add_argument("--text", required=True, type=Path, help="the article as text, a paragraph a line")
    parser.add_argument("--outlet", required=True)
    parser.add_argument("--headline", required=True)
    parser.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    files = new_article(args.name, args.text, outlet=args.outlet, headline=args.headline, published=args.date)
    for kind, path in files.items():
        print(f"{kind:10} {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
