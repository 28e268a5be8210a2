"""The kit's one loader: sourced CSV tables, checked on every load.

Every table lives in ``helpers/data/<name>.csv`` and is described in
``helpers/data/catalogue.toml`` (title, description, columns with types and
units, allowed values, caveats, the file's sha256).  Every row names a ``source_id``
from ``helpers/data/sources.csv`` (checksummed in the catalogue too) and carries a
``status``.  The folder is ``helpers.paths.DATA_DIR``.

>>> df = load("article_copies")
>>> df.attrs["title"]
'Copies of the article that the kit compared with the seed'

Source lines for figures are in ``helpers.citation``, which knows the provenance ladder.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from helpers import paths

CATALOGUE_FILE = paths.DATA_DIR / "catalogue.toml"
SOURCES_FILE = paths.DATA_DIR / "sources.csv"
# The catalogue's one top-level key that is not a table: the checksum of sources.csv.
SOURCES_SHA256 = "sources_sha256"
FIX_CHECKSUMS = "`python -m helpers.data --update-checksums`"
BOM = "\ufeff"
INT64_MAX = 2**63 - 1

STATUSES = ("verified", "verified-secondary", "derived", "estimate")
TYPES = ("str", "int", "float", "date", "bool")
REQUIRED_COLUMNS = ("source_id", "status", "note")
SOURCE_COLUMNS = ("source_id", "publisher", "title", "url", "published", "accessed")
KIT_SECTION = "kit"  # the catalogue's one non-table section: kit-wide settings such as as_of
TABLE_KEYS = {"file", "title", "description", "theme", "caveats", "sha256", "columns", "key"}
COLUMN_KEYS = {"type", "unit", "description", "nullable", "allowed", "min", "max", "pattern"}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_INT = re.compile(r"^-?\d+$")
_FLOAT = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")

_loaded: list[str] = []


class DataError(ValueError):
    """A table, its catalogue entry or a row in it is not what the catalogue promises."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    unit: str = ""
    description: str = ""
    nullable: bool = False
    allowed: tuple[str, ...] | None = None
    min: float | None = None
    max: float | None = None
    pattern: str | None = None


def _where(path: Path, row: int | None = None, column: str | None = None) -> str:
    place = paths.shown(path)
    if row is not None:
        # row 1 is the first data row, which is line 2 of the file
        place += f", row {row} (line {row + 1})"
    if column is not None:
        place += f", column '{column}'"
    return place


@lru_cache(maxsize=1)
def _catalogue() -> dict:
    with CATALOGUE_FILE.open("rb") as fh:
        try:
            raw = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise DataError(f"{_where(CATALOGUE_FILE)}: not valid TOML ({exc})") from exc
    return raw


def tables() -> list[str]:
    """The names of every table in the catalogue, sorted.

    >>> "article_copies" in tables()
    True
    """
    return sorted(k for k in _catalogue() if k not in (SOURCES_SHA256, KIT_SECTION))


def as_of() -> date:
    """The kit's "data as of" date (``[kit] as_of`` in the catalogue): no row is later than it.

    >>> as_of().year >= 2026
    True
    """
    value = _catalogue().get(KIT_SECTION, {}).get("as_of")
    if not isinstance(value, date):
        raise DataError(
            f"{_where(CATALOGUE_FILE)}: [{KIT_SECTION}] as_of is {value!r}; it must be a TOML date "
            "like 2026-12-03 (no quotes)"
        )
    return value


def _check_name(name: object) -> None:
    if not isinstance(name, str):
        raise TypeError(
            f"a table name is a string, got {type(name).__name__} {name!r}; load one table at a "
            "time: load('article_copies'), or [load(n) for n in names] for several"
        )


def _entry(name: str) -> dict:
    cat = _catalogue()
    _check_name(name)
    if name not in tables():
        raise DataError(
            f"unknown table {name!r}; the catalogue ({_where(CATALOGUE_FILE)}) has: "
            + ", ".join(tables())
        )
    entry = cat[name]
    unknown = set(entry) - TABLE_KEYS
    if unknown:
        raise DataError(
            f"{_where(CATALOGUE_FILE)}, table '{name}': unknown keys {sorted(unknown)}; "
            f"allowed: {sorted(TABLE_KEYS)}"
        )
    for key in ("file", "title", "description", "sha256", "columns"):
        if key not in entry:
            raise DataError(f"{_where(CATALOGUE_FILE)}, table '{name}': missing key '{key}'")
    return entry


def columns(name: str) -> list[Column]:
    """The typed columns the catalogue promises for a table.

    >>> [c.name for c in columns("article_copies")][:2]
    ['copy_id', 'kind']
    """
    entry = _entry(name)
    cols = []
    for col_name, spec in entry["columns"].items():
        unknown = set(spec) - COLUMN_KEYS
        if unknown:
            raise DataError(
                f"{_where(CATALOGUE_FILE)}, table '{name}', column '{col_name}': unknown keys "
                f"{sorted(unknown)}; allowed: {sorted(COLUMN_KEYS)}"
            )
        if spec.get("type") not in TYPES:
            raise DataError(
                f"{_where(CATALOGUE_FILE)}, table '{name}', column '{col_name}': type "
                f"{spec.get('type')!r} is not one of {', '.join(TYPES)}"
            )
        allowed = spec.get("allowed")
        cols.append(
            Column(
                name=col_name,
                type=spec["type"],
                unit=spec.get("unit", ""),
                description=spec.get("description", ""),
                nullable=bool(spec.get("nullable", False)),
                allowed=tuple(str(a) for a in allowed) if allowed is not None else None,
                min=spec.get("min"),
                max=spec.get("max"),
                pattern=spec.get("pattern"),
            )
        )
    names = [c.name for c in cols]
    missing = [r for r in REQUIRED_COLUMNS if r not in names]
    if missing:
        raise DataError(
            f"{_where(CATALOGUE_FILE)}, table '{name}': every table needs the columns "
            f"{', '.join(REQUIRED_COLUMNS)}; missing {', '.join(missing)}"
        )
    return cols


def allowed(table: str, column: str) -> tuple[str, ...]:
    """The values the catalogue allows in a column, in the catalogue's order (the one home of a vocabulary).

    >>> allowed("article_claims", "verdict_stage")
    ('first', 'final')
    >>> allowed("article_claims", "words")
    Traceback (most recent call last):
    ...
    helpers.data.DataError: ...column 'words' lists no allowed values; the columns that do: claim_type, ...
    """
    cols = {c.name: c for c in columns(table)}
    if column not in cols:
        raise DataError(f"table '{table}' has no column {column!r}; its columns: {', '.join(cols)}")
    if cols[column].allowed is None:
        raise DataError(
            f"{_where(CATALOGUE_FILE)}, table '{table}', column '{column}' lists no allowed values; "
            "the columns that do: " + ", ".join(n for n, c in cols.items() if c.allowed is not None)
        )
    return cols[column].allowed


def sha256(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_checksum(path: Path, expected: str | None) -> None:
    actual = sha256(path)
    if actual != expected:
        raise DataError(
            f"{_where(path)}: checksum mismatch: the file's sha256 is {actual}, the catalogue "
            f"says {expected}. If you changed the data on purpose, run {FIX_CHECKSUMS}"
        )


def _read_raw(path: Path) -> pd.DataFrame:
    """Every cell as text, refusing what pandas would misread: ragged rows, blank lines, a BOM, a
    column named twice."""
    if not path.exists():
        raise DataError(f"{_where(path)}: file not found (named in {_where(CATALOGUE_FILE)})")
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh, strict=True))
    except (csv.Error, UnicodeDecodeError) as exc:
        raise DataError(f"{_where(path)}: not a readable UTF-8 CSV file ({exc})") from exc
    if not rows:
        raise DataError(f"{_where(path)}: the file is empty (it needs at least a header line)")
    header, body = rows[0], rows[1:]
    if header and header[0].startswith(BOM):
        raise DataError(
            f"{_where(path)}: starts with a byte-order mark (BOM), as Excel's 'CSV UTF-8' writes; "
            "save it as CSV UTF-8 without BOM (or delete the first, invisible character)"
        )
    for name in header:
        at = [n for n, h in enumerate(header, start=1) if h == name]
        if len(at) > 1:
            raise DataError(
                f"{_where(path)}: the header names column {name!r} {len(at)} times (columns "
                f"{', '.join(map(str, at))}); each column may appear once: delete the repeated one"
            )
    for i, row in enumerate(body, start=1):
        if not row:
            raise DataError(
                f"{_where(path, i)}: a blank line; delete it (a table has no empty lines, not even "
                "at the end of the file)"
            )
        if len(row) != len(header):
            raise DataError(
                f"{_where(path, i)}: {len(row)} fields, but the header has {len(header)}; "
                "quote a value that contains a comma"
            )
    return pd.DataFrame(body, columns=header, dtype=object)


def _check_header(path: Path, raw: pd.DataFrame, expected: list[str]) -> None:
    got = list(raw.columns)
    missing = [c for c in expected if c not in got]
    extra = [c for c in got if c not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing columns {missing}")
        if extra:
            parts.append(f"columns not in the catalogue {extra}")
        raise DataError(f"{_where(path)}: {'; '.join(parts)}; the catalogue lists {expected}")


def _convert(path: Path, raw: pd.DataFrame, col: Column) -> pd.Series:
    values = raw[col.name]
    out: list = []
    for i, text in enumerate(values, start=1):
        if text != text.strip():
            raise DataError(f"{_where(path, i, col.name)}: {text!r} has leading or trailing spaces")
        if text == "":
            if not col.nullable:
                raise DataError(
                    f"{_where(path, i, col.name)}: empty, but the column may not be empty "
                    f"(type {col.type})"
                )
            out.append(None)
            continue
        if col.allowed is not None and text not in col.allowed:
            raise DataError(
                f"{_where(path, i, col.name)}: {text!r} is not allowed; allowed: "
                + ", ".join(col.allowed)
            )
        if col.pattern is not None and not re.fullmatch(col.pattern, text):
            raise DataError(
                f"{_where(path, i, col.name)}: {text!r} does not match the pattern {col.pattern!r}"
            )
        if col.type == "str":
            value = text
        elif col.type == "int":
            if not _INT.match(text):
                raise DataError(
                    f"{_where(path, i, col.name)}: {text!r} is not a whole number; "
                    "allowed: digits with an optional minus sign, like 1200"
                )
            value = int(text)
            if abs(value) > INT64_MAX:
                raise DataError(
                    f"{_where(path, i, col.name)}: {text!r} is too large for a whole-number column; "
                    f"allowed: -{INT64_MAX} to {INT64_MAX}. Check the value (a pasted or joined number?)"
                )
        elif col.type == "float":
            if not _FLOAT.match(text):
                raise DataError(
                    f"{_where(path, i, col.name)}: {text!r} is not a number; allowed: a "
                    "decimal number with a point and no thousands separator, like 1234.5"
                )
            value = float(text)
            if not math.isfinite(value):
                raise DataError(
                    f"{_where(path, i, col.name)}: {text!r} is too large to be a number; allowed: "
                    "a finite decimal number, like 1234.5"
                )
        elif col.type == "date":
            if not _DATE.match(text):
                raise DataError(
                    f"{_where(path, i, col.name)}: {text!r} is not an ISO date; allowed: YYYY-MM-DD"
                )
            try:
                value = pd.Timestamp(text)
            except ValueError as exc:
                raise DataError(f"{_where(path, i, col.name)}: {text!r} is not a real date") from exc
        else:  # bool
            if text not in ("true", "false"):
                raise DataError(
                    f"{_where(path, i, col.name)}: {text!r} is not a boolean; allowed: true, false"
                )
            value = text == "true"
        if col.type in ("int", "float"):
            if col.min is not None and value < col.min:
                raise DataError(
                    f"{_where(path, i, col.name)}: {value} is below the minimum {col.min}"
                )
            if col.max is not None and value > col.max:
                raise DataError(
                    f"{_where(path, i, col.name)}: {value} is above the maximum {col.max}"
                )
        out.append(value)
    dtype = {
        "str": "string",
        "int": "Int64",
        "float": "Float64",
        "date": "datetime64[ns]",
        "bool": "boolean",
    }[col.type]
    return pd.Series(out, name=col.name, dtype=dtype)


@lru_cache(maxsize=1)
def sources() -> pd.DataFrame:
    """Every source the kit cites: publisher, title, url, published, accessed.

    >>> sources().loc["article-s1-westhawaii", "publisher"]
    'West Hawaii Today'
    """
    _check_checksum(SOURCES_FILE, _catalogue().get(SOURCES_SHA256))
    raw = _read_raw(SOURCES_FILE)
    _check_header(SOURCES_FILE, raw, list(SOURCE_COLUMNS) + ["kind", "relays", "note"])
    for i, row in enumerate(raw.itertuples(index=False), start=1):
        for col in SOURCE_COLUMNS:
            if getattr(row, col) == "":
                raise DataError(f"{_where(SOURCES_FILE, i, col)}: empty; every source needs it")
        if not re.match(r"^https?://\S+$", row.url):
            raise DataError(
                f"{_where(SOURCES_FILE, i, 'url')}: {row.url!r} is not a web address; "
                "allowed: http:// or https:// followed by no spaces"
            )
        for col in ("published", "accessed"):
            if not _PARTIAL_DATE.match(getattr(row, col)):
                raise DataError(
                    f"{_where(SOURCES_FILE, i, col)}: {getattr(row, col)!r} is not a date; "
                    "allowed: YYYY, YYYY-MM or YYYY-MM-DD"
                )
    dupes = raw["source_id"][raw["source_id"].duplicated()]
    if len(dupes):
        row = int(dupes.index[0]) + 1
        raise DataError(
            f"{_where(SOURCES_FILE, row, 'source_id')}: {dupes.iloc[0]!r} is used by an earlier row; "
            "source ids must be unique"
        )
    return raw.set_index("source_id")


@cache
def _load(name: str) -> pd.DataFrame:
    entry = _entry(name)
    cols = columns(name)
    path = paths.DATA_DIR / entry["file"]
    if not path.exists():
        raise DataError(f"{_where(path)}: file not found (named in {_where(CATALOGUE_FILE)})")
    _check_checksum(path, entry["sha256"])
    raw = _read_raw(path)
    _check_header(path, raw, [c.name for c in cols])
    if raw.empty:
        raise DataError(f"{_where(path)}: the table has no rows")
    df = pd.concat([_convert(path, raw, c) for c in cols], axis=1)
    for i, status in enumerate(df["status"], start=1):
        if status not in STATUSES:
            raise DataError(
                f"{_where(path, i, 'status')}: {status!r} is not allowed; allowed: "
                + ", ".join(STATUSES)
            )
        note = df["note"].iloc[i - 1]
        if status == "derived" and (pd.isna(note) or not str(note).strip()):
            raise DataError(
                f"{_where(path, i, 'note')}: a derived row must give its formula in the note"
            )
    known = sources().index
    for i, sid in enumerate(df["source_id"], start=1):
        for part in str(sid).split(";"):
            if part not in known:
                raise DataError(
                    f"{_where(path, i, 'source_id')}: {part!r} is not in "
                    f"{_where(SOURCES_FILE)}; add the source there first"
                )
    key = entry.get("key")
    if key:
        dup = df.duplicated(subset=list(key), keep="first")
        if dup.any():
            i = int(dup.to_numpy().nonzero()[0][0]) + 1
            raise DataError(
                f"{_where(path, i, key[0])}: duplicate key {tuple(df.loc[i - 1, list(key)])} "
                f"(the key is {', '.join(key)})"
            )
    df.attrs.update(
        name=name,
        title=entry["title"],
        description=entry["description"],
        caveats=list(entry.get("caveats", [])),
        units={c.name: c.unit for c in cols if c.unit},
    )
    return df


def load(name: str) -> pd.DataFrame:
    """Load one table, checked against the catalogue, as a typed DataFrame.

    Title, description, caveats and units are in ``df.attrs``; ``helpers.citation.cite(name)``
    gives the source line.  A problem raises :class:`DataError` naming the file,
    row and column.

    >>> str(load("article_copies")["kind"].dtype)
    'string'
    """
    _check_name(name)
    df = _load(name).copy()
    df.attrs = {k: (v.copy() if hasattr(v, "copy") else v) for k, v in _load(name).attrs.items()}
    if name not in _loaded:
        _loaded.append(name)
    return df


def catalogue() -> pd.DataFrame:
    """One row per table: name, title, theme, rows, description.

    >>> int(catalogue().loc["article_copies", "rows"])
    5
    """
    rows = []
    for name in tables():
        entry = _entry(name)
        rows.append(
            {
                "name": name,
                "title": entry["title"],
                "theme": entry.get("theme", ""),
                "rows": len(_load(name)),
                "description": entry["description"],
            }
        )
    return pd.DataFrame(rows).set_index("name")


def source_ids(df: pd.DataFrame) -> list[str]:
    """The source ids behind the rows of ``df``, each once, in order of first use.

    >>> source_ids(pd.DataFrame({"source_id": ["a;b", "b", "c"]}))
    ['a', 'b', 'c']
    """
    ids: list[str] = []
    for sid in df["source_id"]:
        for part in str(sid).split(";"):
            if part not in ids:
                ids.append(part)
    return ids


def loaded() -> list[str]:
    """The tables loaded so far in this session, in the order first loaded (a notebook's Sources).

    >>> _ = load("article_copies"); "article_copies" in loaded()
    True
    """
    return list(_loaded)


def update_checksums() -> list[str]:
    """Rewrite the sha256 of every table and of sources.csv in catalogue.toml; return what changed."""
    text = CATALOGUE_FILE.read_text()
    changed = []
    new = sha256(SOURCES_FILE)
    if new != _catalogue().get(SOURCES_SHA256):
        text, n = re.subn(rf'^{SOURCES_SHA256} = "[0-9a-f]*"$', f'{SOURCES_SHA256} = "{new}"', text,
                          count=1, flags=re.M)
        if n != 1:
            raise DataError(f"{_where(CATALOGUE_FILE)}: no line `{SOURCES_SHA256} = \"...\"` to update")
        changed.append(SOURCES_FILE.name)
    for name in tables():
        entry = _catalogue()[name]
        new = sha256(paths.DATA_DIR / entry["file"])
        if new != entry.get("sha256"):
            pattern = re.compile(
                rf'(^\[{re.escape(name)}\]\n(?:(?!^\[).*\n)*?sha256 = ")[0-9a-f]*(")', re.M
            )
            text, n = pattern.subn(rf"\g<1>{new}\g<2>", text, count=1)
            if n != 1:
                raise DataError(f"{_where(CATALOGUE_FILE)}, table '{name}': no sha256 line to update")
            changed.append(name)
    CATALOGUE_FILE.write_text(text)
    for f in (_catalogue, _load, sources):
        f.cache_clear()
    return changed


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m helpers.data", description=__doc__.split("\n")[0])
    parser.add_argument("--update-checksums", action="store_true", help="rewrite sha256 values")
    parser.add_argument("--check", action="store_true", help="load and validate every table")
    parser.add_argument("--provenance", action="store_true", help="see python -m helpers.provenance")
    args = parser.parse_args(argv)
    if args.provenance:  # helpers.provenance imports this module; an import back would be a cycle
        parser.exit(2, "the shares verified at the publisher: run python -m helpers.provenance\n")
    if args.update_checksums:
        for name in update_checksums():
            print(f"updated sha256 of {name}")
    if args.check or not args.update_checksums:
        for name in tables():
            df = load(name)
            print(f"{name}: {len(df)} rows OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
