"""Take the method to a new article: scaffold its seed, an empty claims table, a notebook and its questions.

``make new-article NAME=... TEXT=... OUTLET=... HEADLINE=... DATE=YYYY-MM-DD`` writes

- ``seeds/<name>.txt`` (the text exactly as given) and ``seeds/<name>.toml`` (its metadata),
- ``seeds/<name>.claims.csv``: the claims ledger's header, for the student to fill in,
- ``notebooks/NN-<name>.ipynb``: a notebook in the kit's template (it passes the lint and runs),
- ``notebooks/nbNN_questions.py``: its self-check question, beside the notebook (``check()``
  finds it there; nothing is written into the installed package),

where NN is the first free number from 10 up.  Nothing existing is overwritten, and every
value is checked before anything is written.  ``make`` passes the values to Python through
the environment (``NEW_ARTICLE_*``), so no shell or make expands a ``$``, a quote or a backtick.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import re
import shutil
import tomllib
from pathlib import Path

from helpers import lessons, paths
from helpers.article import CLAIM_COLUMNS
from helpers.exercises.registry import questions_file

ROOT = paths.ROOT
FIRST_NUMBER = 10
MAX_NAME = 60  # the notebook's and the seed's file names stay far below any file system's limit
MAX_FIELD = 300
ENV_PREFIX = "NEW_ARTICLE_"
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def notebook(number: str, name: str, headline: str, outlet: str, first: str):
    """The new article's notebook (an nbformat NotebookNode) built from ``lessons.new_article_cells``."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nodes = []
    for cell in lessons.new_article_cells(number, name, headline, outlet, first):
        make = new_code_cell if cell["cell_type"] == "code" else new_markdown_cell
        node = make(cell["source"])
        if cell["tags"]:
            node.metadata["tags"] = cell["tags"]
        if cell.get("skill"):
            node.metadata["skill"] = cell["skill"]
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


def check_name(name: str) -> str:
    """The article's short name, checked: lower-case words joined by dashes, at most 60 characters.

    >>> check_name("x" * 61)
    Traceback (most recent call last):
    ...
    ValueError: name 'xxxxxxxxxx…' is 61 characters long; at most 60 are allowed: shorten it, like 'eu-chips-2026'
    """
    if not _SLUG.match(name):
        raise ValueError(f"name {name!r} must be lower-case words joined by dashes, like 'eu-chips-2026'")
    if len(name) > MAX_NAME:
        raise ValueError(f"name {name[:10] + '…'!r} is {len(name)} characters long; at most {MAX_NAME} are "
                         "allowed: shorten it, like 'eu-chips-2026'")
    return name


def check_date(published: str) -> str:
    """A publication date, checked: YYYY-MM-DD and a real day of the calendar.

    >>> check_date("2025-02-30")
    Traceback (most recent call last):
    ...
    ValueError: published '2025-02-30' is not a day of the calendar (day is out of range for month); give a real date, YYYY-MM-DD
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise ValueError(f"published {published!r} must be an ISO date, YYYY-MM-DD")
    try:
        datetime.date.fromisoformat(published)
    except ValueError as exc:
        raise ValueError(f"published {published!r} is not a day of the calendar ({exc}); "
                         "give a real date, YYYY-MM-DD") from None
    return published


def check_field(label: str, value: str) -> str:
    """A one-line text field (headline, outlet), checked: not empty, no line break, at most 300 characters.

    >>> check_field("headline", "One\\ntwo")
    Traceback (most recent call last):
    ...
    ValueError: headline 'One\\ntwo' has a line break or control character; give it on one line
    """
    if not value.strip():
        raise ValueError(f"{label} is empty; give the article's {label}")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError(f"{label} {value!r} has a line break or control character; give it on one line")
    if len(value) > MAX_FIELD:
        raise ValueError(f"{label} is {len(value)} characters long; at most {MAX_FIELD} are allowed")
    return value


def read_text(text: Path) -> tuple[bytes, list[str]]:
    """The seed file's bytes and its lines; a file that is not UTF-8 text is named, with the fix."""
    text = Path(text)
    if not text.is_file():
        raise FileNotFoundError(f"{text}: no such text file (one paragraph per line)")
    raw = text.read_bytes()
    kind = ("a PDF" if raw.startswith(b"%PDF") else
            "UTF-16 text (Notepad's 'Unicode')" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else None)
    try:
        decoded = None if kind else raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        kind = f"not UTF-8 (byte {raw[exc.start]:#04x} at position {exc.start})"
    if kind:
        raise ValueError(f"{text} is {kind}, not UTF-8 text: save it as UTF-8 text (.txt), one paragraph a line")
    if decoded.startswith("\ufeff"):
        raise ValueError(f"{text} starts with a byte-order mark: save it as UTF-8 text without BOM")
    lines = decoded.splitlines()
    if not any(line.strip() for line in lines):
        raise ValueError(f"{text} is empty: the article's text goes in it, one paragraph a line")
    return raw, lines


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def metadata_toml(name: str, *, outlet: str, headline: str, published: str, raw: bytes, paragraphs: int) -> str:
    """The seed's metadata as TOML, checked by reading it back.

    >>> print(metadata_toml("x", outlet='The "Times"', headline="A", published="2026-01-01", raw=b"",
    ...                     paragraphs=1).splitlines()[1])
    outlet = "The \\"Times\\""
    """
    text = (
        f'file = "{name}.txt"\noutlet = {_toml_string(outlet)}\nheadline = {_toml_string(headline)}\n'
        f'published = "{published}"\nmachine_translated = false\nparagraphs = {paragraphs}\n'
        f'paragraph_rule = "Paragraph N is line N of the text file."\n'
        f'sha256 = "{hashlib.sha256(raw).hexdigest()}"\n'
    )
    back = tomllib.loads(text)
    assert (back["outlet"], back["headline"]) == (outlet, headline), "TOML round trip"
    return text


def questions_module(number: str, name: str) -> str:
    """The source of a new article's questions module (one question: how many paragraphs)."""
    return (
        f'"""Questions for notebook {number} (scaffolded for {name})."""\n\n'
        "from helpers import article\nfrom helpers.exercises import Number\n\n"
        f'QUESTIONS = {{\n    "nb{number}-paragraphs": Number(\n'
        f'        expected=lambda: len(article.paragraphs("{name}")), rel_tol=0, abs_tol=0,\n'
        '        hint="Count the lines of the seed file, or use article.paragraphs(...).",\n    ),\n}\n'
    )


def new_article(name: str, text: Path, *, outlet: str, headline: str, published: str,
                root: Path = ROOT) -> dict[str, Path]:
    """Scaffold a new article under ``root``; return the files written (see the module doc)."""
    check_name(name)
    check_date(published)
    check_field("headline", headline)
    check_field("outlet", outlet)
    raw, lines = read_text(text)
    number = next_number(root)
    files = {
        "seed": root / "seeds" / f"{name}.txt",
        "metadata": root / "seeds" / f"{name}.toml",
        "claims": root / "seeds" / f"{name}.claims.csv",
        "notebook": root / "notebooks" / f"{number}-{name}.ipynb",
        "questions": root / "notebooks" / questions_file(number),
    }
    existing = [str(p) for p in files.values() if p.exists()]
    if existing:
        raise FileExistsError(f"not overwriting {', '.join(existing)}")
    toml = metadata_toml(name, outlet=outlet, headline=headline, published=published, raw=raw,
                         paragraphs=len(lines))
    first = lines[0] if len(lines[0]) <= 300 else lines[0][:300].rsplit(" ", 1)[0] + " …"
    nb = notebook(number, name, headline, outlet, first)
    import nbformat

    shutil.copyfile(text, files["seed"])
    files["metadata"].write_text(toml, encoding="utf-8")
    files["claims"].write_text(",".join(CLAIM_COLUMNS) + "\n", encoding="utf-8")
    nbformat.write(nb, files["notebook"])
    files["questions"].write_text(questions_module(number, name), encoding="utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.build.scaffold", description=__doc__.split("\n")[0],
        epilog=f"Each option may come from the environment instead ({ENV_PREFIX}NAME, ...TEXT, ...OUTLET, "
               "...HEADLINE, ...DATE): `make new-article` passes them that way.")
    for option, help_ in (("name", "short name, lower-case-with-dashes"),
                          ("text", "the article as UTF-8 text, a paragraph a line"),
                          ("outlet", "the outlet that published it"), ("headline", "its headline"),
                          ("date", "publication date, YYYY-MM-DD")):
        from_env = os.environ.get(ENV_PREFIX + option.upper()) or None
        parser.add_argument(f"--{option}", default=from_env, required=from_env is None, help=help_)
    args = parser.parse_args(argv)
    try:
        files = new_article(args.name, Path(args.text), outlet=args.outlet, headline=args.headline,
                            published=args.date)
    except (ValueError, FileNotFoundError, FileExistsError) as exc:
        parser.exit(2, f"make new-article: {exc}\n")
    for kind, path in files.items():
        print(f"{kind:10} {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
