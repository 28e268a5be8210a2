"""helpers.paths: one answer for where the data, seeds, notebooks and build folder are."""

from pathlib import Path

from helpers import paths


def test_a_checkout_is_found_from_the_package():
    assert paths.ROOT == Path(__file__).resolve().parents[2]
    assert paths.SEEDS_DIR == paths.ROOT / "seeds"
    assert paths.NOTEBOOKS_DIR == paths.ROOT / "notebooks"
    assert paths.BUILD_DIR == paths.ROOT / "build"
    assert paths.DATA_DIR == paths.ROOT / "helpers" / "data"


def test_an_installed_package_prefers_its_shipped_seeds(tmp_path):
    package = tmp_path / "site-packages" / "helpers"
    (package / "seeds").mkdir(parents=True)
    assert paths.checkout(package) is None
    assert paths.seeds_dir(package) == package / "seeds"


def test_a_checkout_with_a_stale_shipped_copy_still_prefers_the_copy(tmp_path):
    # what paths promises: the package's own seeds first, else the checkout's
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "seeds").mkdir()
    package = tmp_path / "helpers"
    package.mkdir()
    assert paths.checkout(package) == tmp_path
    assert paths.seeds_dir(package) == tmp_path / "seeds"
    (package / "seeds").mkdir()
    assert paths.seeds_dir(package) == package / "seeds"
