"""The kit is citable and its licences are stated: CITATION.cff, the version, the changelog, the licence files."""

import datetime
import tomllib

import yaml

import helpers
from helpers import paths

ROOT = paths.ROOT
#: Keys the Citation File Format 1.2.0 requires, and what each must hold.
REQUIRED = {"cff-version": str, "message": str, "title": str, "authors": list}


def citation() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_has_the_required_keys():
    cff = citation()
    for key, kind in REQUIRED.items():
        assert isinstance(cff.get(key), kind) and cff[key], key
    assert cff["cff-version"] == "1.2.0"
    assert all(a.get("name") or a.get("family-names") for a in cff["authors"])
    datetime.date.fromisoformat(str(cff["date-released"]))


def test_one_version_everywhere():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert version == "0.2.0"
    assert citation()["version"] == version == helpers.__version__
    assert f"## {version} " in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_licences_are_stated_and_shipped():
    cff = citation()
    assert cff["license"] == ["MIT", "CC-BY-4.0"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    for f in project["license-files"]:
        assert (ROOT / f).is_file(), f
    cc = (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert cc.startswith("Attribution 4.0 International") and "Section 1 -- Definitions." in cc
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    licence = readme[readme.index("## Licence"):]
    assert "MIT" in licence and "CC BY 4.0" in licence and "helpers/data/" in licence


def test_contributing_and_the_fact_check_template():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for part in ("## Adapt a notebook", "## Add a dataset", "## Report an error"):
        assert part in contributing
    template = (ROOT / ".github" / "ISSUE_TEMPLATE" / "fact-check.md").read_text(encoding="utf-8")
    front = yaml.safe_load(template.split("---")[1])
    assert front["name"] == "Fact-check report"
    for field in ("Where it appears", "What the kit says", "What you believe is right", "Your source",
                  "Publisher", "Which table row"):
        assert field in template, field
