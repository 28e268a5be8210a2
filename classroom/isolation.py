"""What keeps students apart: a system user per student when the hub runs as root; what is missing when not.

As root, :class:`StudentSpawner` starts each student's server as the kit's system user ``ck-<name>``
(made on the first login, :mod:`classroom.users`), in a home of mode 0700 that only that user can enter.
The hub's state (settings, passwords, database) is mode 0700 root, the kit's files are root's and not
writable by others, and the folders holding model answers (``notebooks/``, ``build/``) are closed to
other users while the hub runs. Students' kernels import the kit from :func:`student_kit`, a read-only
copy whose ``notebooks/`` is the student edition (``helpers.paths`` finds the notebooks beside it).
Without root there are no system users to switch to: the hub starts
only with ``--shared-user``, after printing :data:`SHARED_USER_GAPS`.

>>> print(SHARED_USER_GAPS.splitlines()[0])
Without root, every student's server and kernel runs as the same system user. So:
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode

from classroom import users

SHARED_USER_GAPS = """\
Without root, every student's server and kernel runs as the same system user. So:
  - a student's code can read, change and delete every other student's work;
  - it can read the hub's settings (the admin password) and its password database;
  - it can change the kit's own files (helpers/), which every kernel imports;
  - it can read the notebooks with their solutions (notebooks/) and stop the hub.
Use this for a room you trust, or start the hub as root for one system user per student."""


def world_problems(paths: list[Path]) -> list[str]:
    """Why a student's system user could not run the kit: a folder on the way to ``paths`` it cannot enter,
    a file it cannot read; or a file of the kit others may change.

    >>> import tempfile
    >>> kit = Path(tempfile.mkdtemp()); f = kit / "checks.py"; _ = f.write_text("x = 1"); f.chmod(0o644)
    >>> kit.chmod(0o700); [p.startswith(f"{kit} is closed") for p in world_problems([f])]
    [True]
    >>> kit.chmod(0o755); world_problems([f])
    []
    >>> f.chmod(0o666); world_problems([f]) == [f"{f} can be changed by anyone (chmod o-w {f})"]
    True
    """
    problems = []
    for path in paths:
        path = path.resolve()
        for parent in reversed(path.parents):
            if not parent.stat().st_mode & stat.S_IXOTH:
                problems.append(f"{parent} is closed to other users (chmod o+x {parent})")
        mode = path.stat().st_mode
        wanted = stat.S_IROTH | (stat.S_IXOTH if path.is_dir() or mode & stat.S_IXUSR else 0)
        if mode & wanted != wanted:
            problems.append(f"{path} cannot be read by other users (chmod o+rX {path})")
        if mode & stat.S_IWOTH and not mode & stat.S_ISVTX:
            problems.append(f"{path} can be changed by anyone (chmod o-w {path})")
    return problems


def open_passage(paths: list[Path]) -> dict[Path, int]:
    """Let other users pass through (``o+x``: enter, never list) every folder on the way to ``paths`` that
    is closed, e.g. ``/root`` when Python lives in ``/root/.pyenv``; returns old modes for :func:`reopen`."""
    old: dict[Path, int] = {}
    for path in paths:
        for parent in reversed(Path(path).resolve().parents):
            mode = stat.S_IMODE(parent.stat().st_mode)
            if not mode & stat.S_IXOTH and parent not in old:
                old[parent] = mode
                parent.chmod(mode | stat.S_IXOTH)
    return old


def writable_by_others(folder: Path) -> list[Path]:
    """Files and folders under ``folder`` that any user may change (a student's system user among them).

    >>> writable_by_others(Path(__file__).parent)
    []
    """
    return [
        path
        for path in [folder, *folder.rglob("*")]
        if not path.is_symlink() and path.lstat().st_mode & stat.S_IWOTH
    ]


KIT_PARTS = ("helpers", "seeds")  # what a kernel imports or reads, beside the notebooks


def student_kit(root: Path, dest: Path) -> Path:
    """A copy of the kit at ``root`` for students' kernels: ``helpers/`` and ``seeds/`` as they are, and
    ``notebooks/`` in the student edition (no solution cells, no teaching notes); files 0644, folders
    0755, owned by the hub's user. Put ``dest`` first on the kernels' ``PYTHONPATH``.

    >>> import tempfile
    >>> kit = student_kit(Path(__file__).resolve().parent.parent, Path(tempfile.mkdtemp()) / "kit")
    >>> sorted(p.name for p in kit.iterdir()), (kit / "notebooks" / "00-start-here.notes.md").exists()
    (['helpers', 'notebooks', 'seeds'], False)
    """
    from helpers.build.student import write_student_notebooks
    from helpers.build.student_repo import leaks

    dest.mkdir(parents=True, exist_ok=True)
    for part in KIT_PARTS:
        shutil.copytree(root / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"),
                        dirs_exist_ok=True)
    write_student_notebooks(dest / "notebooks")  # the same student edition as the student repository
    found = leaks(dest)
    if found:
        raise RuntimeError(f"the students' copy of the kit {dest} holds what students must not get: {found}")
    for path in [dest, *dest.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return dest


def close(folders: list[Path]) -> dict[Path, int]:
    """Make ``folders`` mode 0700 (the hub's user only); returns their old modes for :func:`reopen`."""
    old = {}
    for folder in folders:
        if folder.is_dir():
            old[folder] = stat.S_IMODE(folder.stat().st_mode)
            folder.chmod(0o700)
    return old


def reopen(old: dict[Path, int]) -> None:
    for folder, mode in old.items():
        if folder.is_dir():
            folder.chmod(mode)


class StudentSpawner(LocalProcessSpawner):
    """A student's server as the kit's system user ``ck-<name>``, in their home (mode 0700)."""

    home_dir_template = Unicode("", config=True, help="The student's home; {username} is their hub name.")
    runtime_template = Unicode("", config=True, help="The student's folder for kernel sockets.")

    @property
    def home_dir(self) -> str:
        return self.home_dir_template.format(username=self.user.name)

    def prepare(self) -> None:
        """As root: the system user, the home given to it (0700), its kernel-socket folder (0700)."""
        entry = users.ensure_system_user(self.user.name, Path(self.home_dir))
        users.own_home(Path(self.home_dir), entry)
        runtime = Path(self.runtime_template.format(username=self.user.name))
        runtime.parent.chmod(0o711)  # students pass through to their own folder, and list nothing
        runtime.mkdir(mode=0o700, exist_ok=True)
        os.chown(runtime, entry.pw_uid, entry.pw_gid)

    def make_preexec_fn(self, name):
        return set_user_setuid(users.system_name(name))

    def user_env(self, env):
        env["USER"] = users.system_name(self.user.name)
        env["HOME"] = self.home_dir
        env["SHELL"] = "/bin/sh"
        return env

    async def move_certs(self, paths):
        return paths  # no internal TLS between hub and servers: all on loopback
