"""Does this computer have what the kit needs? Versions found, what is missing, how to fix it.

The requirements are read from the kit's own installed metadata (pyproject.toml),
so this check never disagrees with the install.

>>> report = check(verbose=False)
>>> report["pandas"].ok
True
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata

from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

DISTRIBUTION = "chokepoints"
MIN_PYTHON = (3, 11)
FIX_PIP = 'make setup   (or: python -m pip install -e ".[test]")'
FIX_CONDA = "conda env update -f environment.yml"


@dataclass(frozen=True)
class Status:
    name: str
    required: str
    installed: str | None

    @property
    def ok(self) -> bool:
        if self.installed is None:
            return False
        try:
            return Version(self.installed) in Requirement(f"{self.name}{self.required}").specifier
        except InvalidVersion:
            return False

    @property
    def problem(self) -> str:
        if self.installed is None:
            return "missing"
        return "" if self.ok else f"too old (need {self.required})"


def requirements(extras: tuple[str, ...] = ()) -> list[Requirement]:
    """The kit's requirements (core, plus the named extras) from its installed metadata.

    >>> "pandas" in [r.name for r in requirements()]
    True
    """
    try:
        raw = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError as exc:
        raise RuntimeError(
            f"the kit itself ({DISTRIBUTION}) is not installed in this Python ({sys.executable}); "
            f"fix: {FIX_PIP}"
        ) from exc
    out = []
    for line in raw:
        req = Requirement(line)
        if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in extras):
            out.append(req)
    return out


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def check(extras: tuple[str, ...] = (), verbose: bool = True) -> dict[str, Status]:
    """Check Python and every package the kit needs; print a table and how to fix problems."""
    report = {r.name: Status(r.name, str(r.specifier), _installed(r.name)) for r in requirements(extras)}
    if verbose:
        py = ".".join(map(str, sys.version_info[:3]))
        py_ok = sys.version_info[:2] >= MIN_PYTHON
        lines = [f"{'Python':<14} {py:<12} {'ok' if py_ok else 'too old (need >= 3.11)'}"]
        for s in report.values():
            lines.append(f"{s.name:<14} {s.installed or '-':<12} {'ok' if s.ok else s.problem}")
        bad = [s for s in report.values() if not s.ok]
        if bad or not py_ok:
            lines.append("")
            lines.append("Not ready: " + ", ".join(f"{s.name} is {s.problem}" for s in bad))
            lines.append(f"Fix it with: {FIX_PIP}")
            lines.append(f"Conda users: {FIX_CONDA}")
        else:
            lines.append("\nEverything the kit needs is installed.")
        print("\n".join(lines))
    return report
