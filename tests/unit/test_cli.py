"""The command line (``python -m helpers <command>``): every command answers ``--help``; the Makefile uses it."""

import subprocess
import sys

import pytest

from helpers import __main__ as cli
from helpers import paths


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_every_command_answers_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0, out
    assert out.startswith("usage:") or out.startswith(f"python -m helpers {command}:"), out[:200]


def test_python_m_helpers_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "helpers", "--help"], capture_output=True, text=True,
                         cwd=paths.ROOT, check=True).stdout
    for command in cli.COMMANDS:
        assert f"\n  {command} " in out


def test_an_unknown_command_is_refused(capsys):
    with pytest.raises(SystemExit):
        cli.main(["handout"])
    assert "invalid choice: 'handout'" in capsys.readouterr().err


def test_lab_uses_the_kit_settings():
    cmd = cli.lab_command([])
    assert f"--LabApp.app_settings_dir={paths.LAB_SETTINGS_DIR}" in cmd
    assert (paths.LAB_SETTINGS_DIR / "overrides.json").is_file()


def test_the_makefile_and_the_console_script_call_it():
    import tomllib

    makefile = (paths.ROOT / "Makefile").read_text()
    for command in ("handouts", "student", "slides", "lab", "classroom"):
        assert f"$(PY) -m helpers {command}" in makefile, command
    scripts = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"chokepoints": "helpers.__main__:main"}
