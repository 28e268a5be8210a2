"""helpers.article: paragraphs as received, finding and highlighting claims."""

import pytest

from helpers import article, paths

SEED = paths.SEEDS_DIR / "burns-interview-2025-01-10.txt"


def test_seed_is_byte_identical_to_the_article_as_received():
    import hashlib

    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == article.metadata()["sha256"]
    # Where the project's shared folder sits beside the repo (developers, CI), compare with it too.
    received = paths.ROOT.parent / "shared" / "seeds" / "000_a0a2de6caa94f554.txt"
    if received.exists():
        assert SEED.read_bytes() == received.read_bytes()


def test_nineteen_paragraphs_numbered_from_one():
    paras = article.paragraphs()
    assert list(paras) == list(range(1, 20))
    assert paras[1].startswith("R. Nicholas Burns")
    assert paras[19] == "Lee You contributed to the research."


@pytest.mark.parametrize("bad", [0, 20, -1, "3", 2.0, True])
def test_paragraph_out_of_range_or_wrong_type(bad):
    with pytest.raises(ValueError, match="paragraphs 1 to 19"):
        article.paragraph(bad)


def test_find_is_exact_and_says_where_to_look():
    assert article.paragraph(11)[slice(*article.find(11, "Kupler"))] == "Kupler"
    with pytest.raises(ValueError, match=r"'Kpler' does not occur in paragraph 11; copy the words exactly"):
        article.find(11, "Kpler")
    with pytest.raises(ValueError, match="non-empty string"):
        article.find(11, "")


def test_highlight_escapes_html():
    out = article.highlight(5, "“Their actions are destructive")
    assert "<mark>“Their actions are destructive</mark>" in out
    assert "<strong>P5</strong>" in out
    assert "'" not in out.split("<mark>")[0] or "&#x27;" in out


def test_highlight_plain_text_fallback():
    assert article.highlight(2, "90%", as_html=False).count("[[90%]]") == 1


def test_unknown_article():
    with pytest.raises(ValueError, match="unknown article 'x'; seeds/ has: burns-interview-2025-01-10"):
        article.paragraphs("x")


def test_paragraphs_mentioning_needs_words():
    with pytest.raises(ValueError, match="non-empty words"):
        article.paragraphs_mentioning()
    assert article.paragraphs_mentioning("FENTANYL") == [18]


def test_metadata_marks_the_text_as_machine_translated():
    meta = article.metadata()
    assert meta["machine_translated"] is True
    assert meta["published"] == "2025-01-10"
    assert meta["paragraphs"] == 19


def test_the_articles_date_has_one_home_the_seed_metadata():
    assert article.published().isoformat() == article.metadata()["published"] == "2025-01-10"


def test_a_package_installed_without_its_seeds_says_how_to_fix_it(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "SEEDS_DIR", tmp_path / "helpers" / "seeds")
    with pytest.raises(FileNotFoundError, match=r"no seed folder at .*seeds; reinstall the kit with `pip install \.`"):
        article.metadata("x")
