"""The kit's command line: ``python -m helpers <command>`` (or ``chokepoints <command>``), on any system.

The same commands as the Makefile, for a computer without ``make`` (Windows with Anaconda):

    python -m helpers handouts      # execute every notebook, write build/handouts/
    python -m helpers lab           # JupyterLab on notebooks/, with the kit's settings
    python -m helpers --help        # every command; python -m helpers <command> --help for one

This module sits above every layer: it is the one place outside ``helpers.build`` that reaches the
build, and it imports a command's module only when that command runs.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

from helpers import paths

#: command -> (module whose ``main(argv)`` runs it, or None for the commands defined here; what it does)
COMMANDS = {
    "handouts": ("helpers.build.handouts", "execute every notebook and write build/handouts/ (the main job)"),
    "student": ("helpers.build.student", "the student edition (no model answers) in build/student/"),
    "student-repo": ("helpers.build.student_repo",
                     "the student edition as a standalone repository in build/student-repo/"),
    "slides": ("helpers.build.slides", "a reveal.js deck per notebook in build/slides/"),
    "lab": (None, "open JupyterLab on notebooks/ with the kit's settings (no news pop-up, no kernel dialog)"),
    "check": (None, "the quick check while editing: ruff, unit and data tests, doctests (under a minute)"),
    "test": (None, "run pytest on the paths given (default: every test, as `make test` does)"),
    "classroom": ("classroom.hub", "a JupyterHub for a class on 127.0.0.1:8000 (needs the classroom extra)"),
    "grades": ("classroom.gradebook", "every student's self-check attempts into build/grades/attempts.csv"),
    "collect": ("classroom.collect", "copy each student's notebooks from the homes into build/grades/"),
    "grade": ("classroom.grade", "re-run and grade the newest collection: build/grades/grades.csv"),
}
#: What ``make check`` runs: the quick tests (nothing executed, built or served).
CHECK_PATHS = ["helpers", "tests/unit", "tests/data", "tests/notebooks"]


def lab_command(extra: list[str]) -> list[str]:
    """The JupyterLab command line ``lab`` runs: notebooks/ as its folder, the kit's overrides.json.

    >>> cmd = lab_command([])
    >>> cmd[1:3], cmd[-1].startswith("--LabApp.app_settings_dir=")
    (['-m', 'jupyterlab'], True)
    """
    return [sys.executable, "-m", "jupyterlab", f"--notebook-dir={paths.NOTEBOOKS_DIR}", *extra,
            f"--LabApp.app_settings_dir={paths.LAB_SETTINGS_DIR}"]


def _own(command: str, argv: list[str]) -> int:
    """Run one of the commands this module defines (lab, check, test)."""
    parser = argparse.ArgumentParser(prog=f"python -m helpers {command}", description=COMMANDS[command][1])
    if command == "lab":
        parser.add_argument("jupyter_args", nargs=argparse.REMAINDER, help="passed on to jupyter lab")
        args = parser.parse_args(argv)
        return subprocess.call(lab_command(args.jupyter_args))
    parser.add_argument("pytest_args", nargs=argparse.REMAINDER, help="passed to pytest")
    args = parser.parse_args(argv)
    if command == "check":
        ruff = subprocess.call([sys.executable, "-m", "ruff", "check", "helpers", "tests", "classroom",
                                "benchmarks", "conftest.py"], cwd=paths.ROOT)
        if ruff:
            return ruff
        return subprocess.call([sys.executable, "-m", "pytest", "-q", "-m", "not slow", *CHECK_PATHS,
                                *args.pytest_args], cwd=paths.ROOT)
    return subprocess.call([sys.executable, "-m", "pytest", *args.pytest_args], cwd=paths.ROOT)


def main(argv: list[str] | None = None) -> int:
    """Run one command; ``--help`` lists them.

    >>> main(["nope"])
    Traceback (most recent call last):
    ...
    SystemExit: 2
    """
    listing = "\n".join(f"  {name:<10} {what}" for name, (_m, what) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="python -m helpers", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Chokepoints, the teaching kit's commands (the Makefile calls the same).",
        epilog=f"commands:\n{listing}\n\n`python -m helpers <command> --help` explains one.")
    parser.add_argument("command", choices=COMMANDS, metavar="command")
    parser.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    module, _what = COMMANDS[args.command]
    if module is None:
        return _own(args.command, args.args)
    if module.startswith("classroom") and paths.checkout() is not None and str(paths.ROOT) not in sys.path:
        sys.path.insert(0, str(paths.ROOT))  # classroom/ sits beside the package in a checkout
    try:
        runner = importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name != module:
            extra = "classroom" if module.startswith("classroom") else "test,browser"
            need = (f"`{args.command}` needs the {err.name} package, which is not installed here; "
                    f"install it with: pip install -e '.[{extra}]' (or run `make {args.command}`)")
            if {"-h", "--help"} & set(args.args):  # help answers without the command's own packages
                print(f"python -m helpers {args.command}: {_what}\n{need}")
                raise SystemExit(0) from None
            sys.exit(need)
        print(f"python -m helpers {args.command}: {_what}\n"
              f"This copy of the kit has no {module} yet, so `{args.command}` cannot run here.")
        raise SystemExit(0 if {"-h", "--help"} & set(args.args) else 1) from None
    return runner.main(args.args) or 0


if __name__ == "__main__":
    raise SystemExit(main())
